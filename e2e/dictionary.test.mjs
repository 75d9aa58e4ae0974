// Compression dictionary transport (RFC 9842; crates/asset-dictionary, the server's
// web/dictionary.rs) in real Chromium against the release build: the first page's bundle,
// script glue and stylesheet come as plain brotli and are kept as dictionaries; going on
// to a service's page and to its form, each next one comes compressed against the one
// before (`dcb`), much smaller, and the pages work as ever, with no error in the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from './server.mjs';
import { newSession, appReady } from './checks.mjs';

const ROOT = resolve(import.meta.dirname, '..');

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

/// Every bundle core (`portal-<bundle>-<hash>_bg.wasm`), script glue (`js:<bundle>`) and
/// stylesheet (`css:<page>`) the page receives: its encoding and the bytes that came
/// over the network.
function coresReceived(page) {
  const cores = {};
  page.on('requestfinished', async (req) => {
    const path = new URL(req.url()).pathname;
    const m = path.match(/^\/(portal-([a-z]+)-[0-9a-f]+_bg\.wasm)$/)
      ?? path.match(/^\/(portal-([a-z]+)-[0-9a-f]+\.js)$/)?.with(2, `js:${path.split('-')[1]}`)
      ?? path.match(/^\/(style-([a-z]+)-[0-9a-f]+\.css)$/)?.with(2, `css:${path.split('-')[1]}`);
    if (!m) return;
    const res = await req.response();
    const sizes = await req.sizes();
    cores[m[2]] = {
      file: m[1],
      encoding: (await res.allHeaders())['content-encoding'] || 'identity',
      dictionary: res.headers()['use-as-dictionary'],
      wire: sizes.responseBodySize,
    };
  });
  return cores;
}

/// The size of `file`'s plain brotli sibling in the build.
const brotliSize = (file) => statSync(join(ROOT, 'dist', `${file}.br`)).size;

test('going from the catalogue to a form, each bundle comes compressed against the one before', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    const cores = coresReceived(page);
    await page.goto(server.url + '/');
    await appReady(page);
    await page.waitForSelector('.service-item');
    await expectCore(cores, 'catalogue');
    assert.equal(cores.catalogue.encoding, 'br', 'a first visit: no dictionary yet');
    assert.equal(cores.catalogue.dictionary, 'match="/portal-*.wasm"');

    await page.getByRole('link', { name: 'Đăng ký thường trú', exact: true }).click();
    await page.waitForURL('**/services/permanent-residence-registration');
    await appReady(page);
    await page.getByRole('button', { name: /Bắt đầu/ }).waitFor();
    await expectCore(cores, 'service');
    const service = cores.service;
    assert.equal(service.encoding, 'dcb', 'against the catalogue\'s bundle');
    const serviceBr = brotliSize(service.file);
    assert.ok(service.wire < serviceBr * 0.75,
      `the service page's bundle: ${service.wire} B on the wire, ${serviceBr} B as brotli alone`);
    // Its script glue and stylesheet, against the catalogue's.
    for (const kind of ['js:service', 'css:service']) {
      await expectCore(cores, kind);
      assert.equal(cores[kind].encoding, 'dcb', kind);
      const br = brotliSize(cores[kind].file);
      assert.ok(cores[kind].wire < br * 0.5, `${kind}: ${cores[kind].wire} B on the wire, ${br} B as brotli alone`);
    }
    assert.equal(cores['js:catalogue'].dictionary, 'match="/portal-*.js"');
    assert.equal(cores['css:catalogue'].dictionary, 'match="/style-*.css"');

    // The form's bundle, prefetched while the service's page is read, against the service's.
    await expectCore(cores, 'form');
    assert.equal(cores.form.encoding, 'dcb', 'against the service page\'s bundle');
    const formBr = brotliSize(cores.form.file);
    assert.ok(cores.form.wire < formBr * 0.85,
      `the form's bundle: ${cores.form.wire} B on the wire, ${formBr} B as brotli alone`);
    await page.getByRole('button', { name: /Bắt đầu/ }).click();
    await page.waitForURL(/\/apply\/[^/?#]+$/);
    await page.waitForSelector('form.question-form input');
    // The bundle decoded from the dictionary stream runs: the step checks what is typed.
    const phone = page.locator('input[type=tel]').first();
    await phone.fill('12345');
    await page.locator('form.question-form > button[type=submit]').click();
    await page.locator('.error-summary').waitFor();
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

/// Waits until the core of `bundle` has been received in full.
async function expectCore(cores, bundle) {
  const deadline = Date.now() + 15_000;
  while (!cores[bundle]) {
    if (Date.now() > deadline) throw new Error(`${bundle}'s bundle never came: ${JSON.stringify(cores)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
