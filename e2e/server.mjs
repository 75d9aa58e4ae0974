// Starts the real reference server (the binary built by scripts/test) on a free loopback
// port with a fresh SQLite file, serving the real release build in dist/, and, in front
// of it, the real local OpenID provider (tools/sandbox-identity-provider) people sign in
// with, and behind it the agency sandbox (crates/agency-sandbox) that receives every
// dossier and sends the officer's decisions back. The staff directory is the sandbox's;
// the payment provider is the sandbox's.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';

const ROOT = resolve(import.meta.dirname, '..');
const CLIENT_SECRET = 'e2e-client-secret';
const AGENCY_SECRET = 'a6e9c15e'.repeat(8);

function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

/// Starts the local OpenID provider for a portal at `origin`; resolves with its issuer.
export function startIdentityProvider(origin) {
  const child = spawn(process.execPath, [
    join(ROOT, 'tools/sandbox-identity-provider/main.mjs'), '--port', '0', '--redirect', origin,
  ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SANDBOX_OIDC_CLIENT_SECRET: CLIENT_SECRET } });
  let log = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the identity provider did not start:\n${log}`)), 15_000);
    child.stderr.on('data', (d) => { log += d; });
    child.stdout.on('data', (d) => {
      log += d;
      const m = /SANDBOX_OIDC_ISSUER=(\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        ok({
          issuer: m[1],
          log: () => log,
          async stop() {
            if (child.exitCode !== null) return;
            child.kill('SIGTERM');
            await new Promise((r) => child.once('exit', r));
          },
        });
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`the identity provider exited (${code}):\n${log}`)); });
  });
}

/// Starts the agency sandbox for a portal at `portalUrl`; resolves once it listens.
export async function startAgencySandbox(portalUrl, dir) {
  const bin = process.env.AGENCY_SANDBOX_BIN || join(ROOT, 'target/debug/agency-sandbox');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(bin, [
    '--listen', `127.0.0.1:${port}`, '--db', join(dir, 'agency.sqlite3'), '--portal', portalUrl,
    '--retry-secs', '1',
  ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AGENCY_SANDBOX_SECRET: AGENCY_SECRET } });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the agency sandbox exited early:\n${log}`);
    if (log.includes('agency sandbox listening on')) break;
    if (Date.now() > deadline) throw new Error(`the agency sandbox did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

function agenciesFile(dir, toml) {
  const file = join(dir, 'agencies.toml');
  writeFileSync(file, toml);
  return file;
}

/// `options.agencies`: the agency systems file's TOML instead of the agency sandbox (which
/// stands in for every system), with `options.env` for the keys it names.
export async function startServer(options = {}) {
  const bin = process.env.PORTAL_SERVER_BIN || join(ROOT, 'target/debug/portal-server');
  const dir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const idp = await startIdentityProvider(url);
  const agency = await startAgencySandbox(url, dir);
  const child = spawn(bin, [
    '--port', String(port), '--db', join(dir, 'portal.sqlite3'),
    '--catalog', join(ROOT, 'catalog'), '--dist', join(ROOT, 'dist'),
    '--origin', url, '--oidc-issuer', idp.issuer,
    '--staff-directory', join(ROOT, 'crates/portal-server/sandbox-staff.toml'),
    '--sandbox-payments',
    ...(options.agencies ? ['--agencies', agenciesFile(dir, options.agencies)] : ['--agency-sandbox', agency.url]),
  ], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, PORTAL_OIDC_CLIENT_SECRET: CLIENT_SECRET, PORTAL_AGENCY_SANDBOX_SECRET: AGENCY_SECRET,
      ...(options.env || {}),
    },
  });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await idp.stop();
      await agency.stop();
      throw new Error(`server exited early:\n${log}`);
    }
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    issuer: idp.issuer,
    agencyUrl: agency.url,
    log: () => `${log}\n--- identity provider ---\n${idp.log()}\n--- agency sandbox ---\n${agency.log()}`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await idp.stop();
      await agency.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
