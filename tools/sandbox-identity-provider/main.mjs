// The sandbox identity provider: a real OpenID Connect provider (the certified npm
// package `oidc-provider`) standing in for VNeID in development and tests. Its accounts
// are the invented people of crates/portal-server/sandbox-identities.toml, the same file
// the server's built-in sandbox reads, so there is one list of test identities.
//
//   node tools/sandbox-identity-provider/main.mjs --port 0 \
//        --redirect http://127.0.0.1:8080 [--redirect ...]
//
// Each --redirect is a portal origin allowed to use the client: its
// `<origin>/auth/callback` is a redirect URI and `<origin>/` a post-sign-out URI. When it
// listens, it prints one line `SANDBOX_OIDC_ISSUER=<url>` on standard output.
//
// The client is `portal`, authenticated with `client_secret_basic`; its secret is
// SANDBOX_OIDC_CLIENT_SECRET (default "sandbox-portal-secret", fine for loopback only).
// Every account's password is "sandbox" (shown on the sign-in page: nothing here is
// secret). Signing keys and cookie keys are made fresh at each start.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';
import { generateKeyPair, exportJWK } from 'jose';
import { parse as parseToml } from 'smol-toml';

import { loginPage, logoutPage, signedOutPage, escape } from './pages.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
export const PASSWORD = 'sandbox';
export const CLIENT_ID = 'portal';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    redirect: { type: 'string', multiple: true, default: [] },
    identities: {
      type: 'string',
      default: resolve(ROOT, 'crates/portal-server/sandbox-identities.toml'),
    },
  },
});
if (args.redirect.length === 0) {
  console.error('sandbox-identity-provider: give at least one --redirect <portal origin>');
  process.exit(2);
}
const secret = process.env.SANDBOX_OIDC_CLIENT_SECRET || 'sandbox-portal-secret';

/** The accounts, by subject, from the sandbox identity file. */
const accounts = new Map(
  parseToml(readFileSync(args.identities, 'utf8')).identities.map((i) => [i.subject, i]),
);

/** The claims an account releases, by scope (standard OIDC names, plus `vneid`). */
function claimsOf(i) {
  const a = i.permanent_address;
  return {
    sub: i.subject,
    name: i.full_name,
    birthdate: String(i.date_of_birth),
    gender: i.sex,
    email: i.email,
    email_verified: true,
    phone_number: i.phone,
    phone_number_verified: true,
    // Post-2025 codes: region is the province, locality the commune.
    address: {
      street_address: a.street,
      locality: a.commune_code,
      region: a.province_code,
      country: 'VN',
    },
    personal_id: i.id_number,
    ...(i.business ? { business: i.business } : {}),
  };
}

const server = http.createServer();
await new Promise((ok) => server.listen(Number(args.port), args.host, ok));
const issuer = `http://${args.host}:${server.address().port}`;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('hex') };

const provider = new Provider(issuer, {
  clients: [{
    client_id: CLIENT_ID,
    client_secret: secret,
    client_name: 'Cổng Dịch vụ công quốc gia (thử nghiệm)',
    redirect_uris: args.redirect.map((o) => `${o}/auth/callback`),
    post_logout_redirect_uris: args.redirect.map((o) => `${o}/`),
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [jwk] },
  cookies: {
    keys: [randomBytes(32).toString('hex')],
    // Plain http on loopback: SameSite=None would need Secure.
    long: { httpOnly: true, sameSite: 'lax' },
    short: { httpOnly: true, sameSite: 'lax' },
  },
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'phone', 'address', 'vneid'],
  claims: {
    // How the person signed in travels with the subject in every ID token.
    openid: ['sub', 'acr', 'amr', 'auth_time'],
    profile: ['name', 'birthdate', 'gender'],
    email: ['email', 'email_verified'],
    phone: ['phone_number', 'phone_number_verified'],
    address: ['address'],
    vneid: ['personal_id', 'business'],
  },
  acrValues: ['vneid-level-2'],
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.type = 'html';
        ctx.body = logoutPage(form);
      },
      async postLogoutSuccessSource(ctx) {
        ctx.type = 'html';
        ctx.body = signedOutPage();
      },
    },
  },
  async findAccount(ctx, sub) {
    const i = accounts.get(sub);
    if (!i) return undefined;
    return { accountId: sub, claims: async () => claimsOf(i) };
  },
  // The portal is the platform's own, first-party client: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile email phone address vneid');
    await grant.save();
    return grant;
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  ttl: { Session: 3600, Interaction: 600, AuthorizationCode: 60, AccessToken: 300, IdToken: 300, Grant: 3600 },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lỗi / Error</title>`
      + `<h1>Không đăng nhập được / Sign-in failed</h1><p>${escape(out.error)}: ${escape(out.error_description || '')}</p>`;
  },
});

function readForm(req) {
  return new Promise((ok, fail) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => {
      body += d;
      if (body.length > 10_000) req.destroy();
    });
    req.on('end', () => ok(new URLSearchParams(body)));
    req.on('error', fail);
  });
}

function send(res, status, html) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // A form's redirects count for form-action: signing in ends at the portal.
    'content-security-policy': `default-src 'none'; form-action 'self' ${args.redirect.join(' ')}; style-src 'unsafe-inline'`,
  });
  res.end(html);
}

/** The sign-in interaction: ID number and password, or cancel. */
async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, 'wrong interaction');
  if (req.method === 'GET') {
    return send(res, 200, loginPage({ uid, accounts: [...accounts.values()], password: PASSWORD }));
  }
  const form = await readForm(req);
  if (action === 'cancel') {
    return provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'The person cancelled the sign-in',
    }, { mergeWithLastSubmission: false });
  }
  const id = (form.get('id_number') || '').replace(/\s/g, '');
  const account = [...accounts.values()].find((a) => a.id_number === id);
  if (!account || form.get('password') !== PASSWORD) {
    return send(res, 400, loginPage({
      uid, accounts: [...accounts.values()], password: PASSWORD, error: true, idNumber: id,
    }));
  }
  return provider.interactionFinished(req, res, {
    login: { accountId: account.subject, acr: 'vneid-level-2', amr: ['pwd'] },
  }, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
server.on('request', async (req, res) => {
  if (req.url === '/favicon.ico') {
    res.writeHead(204);
    return res.end();
  }
  const m = /^\/interaction\/([\w-]+)(?:\/(login|cancel))?$/.exec(req.url.split('?')[0]);
  if (!m) return callback(req, res);
  try {
    await interaction(req, res, m[1], m[2]);
  } catch (e) {
    send(res, 400, `<!doctype html><title>Hết hạn / Expired</title><p>${escape(e.message)}</p>`);
  }
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
console.log(`SANDBOX_OIDC_ISSUER=${issuer}`);
