// The portal's elements inside another site's page (#18): a host page served from another
// loopback origin, with its own strict Content-Security-Policy (the portal's origin in
// script-src and connect-src, 'wasm-unsafe-eval', nothing else from it) and hostile CSS,
// embeds <dvc-service-search province="79"> and <dvc-service>. The deployment is connected
// to Hồ Chí Minh City's system only, so the province's list is a real subset. A site not
// in the portal's configuration gets no CORS headers, so its element cannot load data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from './server.mjs';
import { newSession, appReady, expectAccessible, WCAG_TAGS } from './checks.mjs';

const KEY = 'cd'.repeat(32);
const EXAM = 'Đăng ký dự thi tốt nghiệp THPT quốc gia và xét tuyển đại học, cao đẳng';

// What a host site's own stylesheet might do to anything it can reach.
const HOSTILE_CSS = `
* { all: unset; }
html { font-size: 40px !important; }
body { display: block; font-family: "Comic Sans MS", cursive; font-size: 40px; color: #5a0000; }
h1 { display: block; }
.search, .service-list, .service-item, .button, .input, .select, .label, .hint, .tag, .field,
.filters, .dvc, .dvc-card, .summary-list, .table, .visually-hidden, .error-state { display: none !important; }
dvc-service-search, dvc-service { font-size: 40px; line-height: 0.5; color: #5a0000; letter-spacing: 6px; }
`;

// The host's own script: records the elements' events; with #handle in the URL it keeps a
// chosen service on the page, showing it in the card instead of opening the portal.
const HOST_JS = `
window.__events = [];
for (const type of ['dvc-ready', 'dvc-service-select', 'dvc-apply', 'dvc-error']) {
  document.addEventListener(type, (e) => {
    window.__events.push({ type, detail: e.detail, target: e.target.localName });
    if (type === 'dvc-service-select' && location.hash === '#handle') {
      e.preventDefault();
      document.querySelector('dvc-service').setAttribute('service', e.detail.service);
    }
  });
}`;

function hostPage(portal) {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sở Tư pháp Thành phố Hồ Chí Minh</title>
<link rel="stylesheet" href="/host.css">
<script type="module" src="${portal}/embed/1/dvc-embed.js"></script>
<script type="module" src="/host.js"></script>
</head>
<body>
<main>
<h1>Dịch vụ công trực tuyến</h1>
<dvc-service-search province="79" lang="vi"><a href="${portal}/">Cổng Dịch vụ công Quốc gia</a></dvc-service-search>
<dvc-service service="birth-registration" province="79" lang="vi"><a href="${portal}/services/birth-registration">Đăng ký khai sinh</a></dvc-service>
</main>
</body>
</html>`;
}

/// A host site on its own loopback origin, with a strict policy naming the portal (whose
/// URL `portal()` gives once it has started: the portal's configuration needs the host's
/// origin first).
function startHost(portal) {
  const srv = http.createServer((req, res) => {
    const csp = [
      "default-src 'none'",
      `script-src 'self' ${portal()} 'wasm-unsafe-eval'`,
      `connect-src 'self' ${portal()}`,
      "style-src 'self'",
      "base-uri 'none'",
      "form-action 'self'",
    ].join('; ');
    const files = {
      '/': ['text/html; charset=utf-8', hostPage(portal())],
      '/host.css': ['text/css', HOSTILE_CSS],
      '/host.js': ['text/javascript', HOST_JS],
    };
    const file = files[req.url.split('?')[0]];
    if (!file) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': file[0], 'Content-Security-Policy': csp });
    res.end(file[1]);
  });
  return new Promise((ok) => srv.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${srv.address().port}`,
    stop: () => new Promise((r) => srv.close(r)),
  })));
}

let server; let host; let stranger;
before(async () => {
  const portal = () => server.url;
  host = await startHost(portal);
  stranger = await startHost(portal);
  server = await startServer({
    agencies: '[systems."province-79"]\nendpoint = "https://tthc-79.example.invalid/portal"\nkey_env = "PORTAL_E2E_AGENCY_KEY_79"\n',
    env: { PORTAL_E2E_AGENCY_KEY_79: KEY, PORTAL_EMBED_ORIGINS: host.url },
  });
});
after(async () => { await host?.stop(); await stranger?.stop(); await server?.stop(); });

const resultNames = async (page) => (await page.locator('dvc-service-search .service-item__name').allTextContents())
  .map((n) => n.replace(' (mở trang mới)', '').trim());

async function ready(page) {
  await page.waitForFunction(() => (window.__events || []).filter((e) => e.type === 'dvc-ready').length >= 2, null, { timeout: 20_000 });
}

async function axeInside(page, label) {
  const result = await new AxeBuilder({ page }).include('dvc-service-search').include('dvc-service').withTags(WCAG_TAGS).analyze();
  const problems = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.equal(problems.length, 0, `axe found problems inside the elements (${label}):\n  ${problems.join('\n  ')}`);
}

test('a province site embeds the search and a card under its own strict policy and hostile CSS', async () => {
  const s = await newSession({ viewport: { width: 360, height: 740 } });
  try {
    const { page, context } = s;
    await page.goto(host.url + '/');
    await ready(page);

    // The province's services only: the ministry's exam is not filed through 79's system.
    await page.locator('dvc-service-search .service-item').first().waitFor();
    const listed = await resultNames(page);
    const all = await (await fetch(server.url + '/api/v1/catalog')).json();
    assert.ok(listed.includes('Đăng ký khai sinh'), listed.join(' | '));
    assert.ok(!listed.includes(EXAM), 'the exam is the ministry\'s');
    assert.ok(listed.length < all.services.length);
    // Both say they are drawn, with the attribute a host's stylesheet can keep room until.
    assert.equal(await page.locator('dvc-service-search[loaded]').count(), 1);
    assert.equal(await page.locator('dvc-service[loaded]').count(), 1);
    // The host chose the province: no province filter is offered.
    assert.equal(await page.locator('dvc-service-search #filter-province').count(), 0);

    // The hostile CSS reaches neither the layout nor the type inside.
    const input = page.getByLabel('Tìm dịch vụ công');
    assert.ok(await input.isVisible());
    const box = await input.boundingBox();
    assert.ok(box.width > 150 && box.x >= 0 && box.x + box.width <= 360, JSON.stringify(box));
    const fontSize = await page.locator('dvc-service-search .service-item__summary').first()
      .evaluate((el) => getComputedStyle(el).fontSize);
    assert.equal(fontSize, '19px');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: 'target/e2e-embed-hostile-360.png', fullPage: false });

    // Typed without diacritics.
    await input.fill('khai sinh');
    await page.waitForFunction(() => document.querySelector('dvc-service-search').shadowRoot
      .querySelector('.service-item__name')?.textContent.trim() === 'Đăng ký khai sinh (mở trang mới)');

    // The card names the province's agency, and its start opens the portal's form.
    const card = page.locator('dvc-service');
    assert.equal(await card.locator('.dvc-card__title').textContent(), 'Đăng ký khai sinh');
    assert.match(await card.locator('.dvc-card__agency').textContent(), /^Ủy ban nhân dân cấp xã, thành phố Hồ Chí Minh$/i);
    const [form] = await Promise.all([
      context.waitForEvent('page'),
      card.getByRole('link', { name: /Nộp trực tuyến/ }).click(),
    ]);
    await form.waitForLoadState();
    assert.equal(form.url(), `${server.url}/services/birth-registration/apply`);
    await form.close();
    const apply = await page.evaluate(() => window.__events.find((e) => e.type === 'dvc-apply'));
    assert.deepEqual(apply.detail, { service: 'birth-registration', url: `${server.url}/services/birth-registration/apply`, province: '79' });

    await axeInside(page, 'searched, 360 px');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('by keyboard alone, with visible focus; attributes change after load; the host may handle a choice', async () => {
  const s = await newSession({ viewport: { width: 1024, height: 800 } });
  try {
    const { page, context } = s;
    await page.goto(host.url + '/#handle');
    await ready(page);
    // Tab from the top of the page reaches the search box inside the element.
    const focused = () => page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? { id: el.id, tag: el.localName, text: el.textContent.trim(), bg: getComputedStyle(el).backgroundColor } : null;
    });
    let f;
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      f = await focused();
      if (f?.id === 'catalogue-search') break;
    }
    assert.equal(f?.id, 'catalogue-search');
    assert.equal(f.bg, 'rgb(255, 221, 0)', 'the focus is shown in the portal\'s yellow');
    await page.keyboard.type('thuong tru');
    await page.waitForFunction(() => /thường trú/i.test(document.querySelector('dvc-service-search').shadowRoot
      .querySelector('.service-item__name')?.textContent || ''));
    // On to the first result, and Enter: the host handles it (#handle), showing it in the card.
    let link;
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      link = await focused();
      if (link?.tag === 'a' && /thường trú/i.test(link.text)) break;
    }
    assert.equal(link?.tag, 'a');
    assert.equal(link.bg, 'rgb(255, 221, 0)');
    const pages = context.pages().length;
    await page.keyboard.press('Enter');
    const choice = await page.waitForFunction(() => window.__events.find((e) => e.type === 'dvc-service-select'));
    const { service } = (await choice.jsonValue()).detail;
    await page.waitForFunction((id) => document.querySelector('dvc-service').getAttribute('service') === id, service);
    await page.locator('dvc-service .dvc-card__title').filter({ hasText: /thường trú/i }).waitFor();
    assert.equal(context.pages().length, pages, 'cancelled: no portal page opened');

    // The language follows its attribute.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('dvc-service-search, dvc-service')) el.setAttribute('lang', 'en');
    });
    await page.getByLabel('Search for a service').waitFor();
    await page.locator('dvc-service').getByRole('link', { name: /Apply online/ }).waitFor();
    // The province too: Hà Nội's system is not connected, so the card says so.
    await page.evaluate(() => document.querySelector('dvc-service').setAttribute('province', '01'));
    await page.locator('dvc-service .dvc-card__unavailable').filter({ hasText: /Thành phố Hà Nội/ }).waitFor();
    assert.equal(await page.locator('dvc-service').getByRole('link', { name: /Apply online/ }).count(), 0);
    await axeInside(page, 'English, keyboard');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('a site not in the configuration gets no data: its element says so, its fallback link is the way on', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    const refused = [];
    page.on('console', (m) => { if (m.type() === 'error') refused.push(m.text()); });
    await page.goto(stranger.url + '/');
    await page.locator('dvc-service-search [role="alert"]').waitFor({ timeout: 20_000 });
    assert.match(await page.locator('dvc-service-search [role="alert"]').textContent(), /Không tải được/);
    assert.ok(refused.some((t) => /CORS|Access-Control-Allow-Origin/.test(t)), refused.join('\n'));
    // And the headers themselves: no CORS answer for that origin.
    const res = await fetch(server.url + '/api/v1/catalog', { headers: { Origin: stranger.url } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    const ok = await fetch(server.url + '/api/v1/catalog', { headers: { Origin: host.url } });
    assert.equal(ok.headers.get('access-control-allow-origin'), host.url);
  } finally { await s.close(); }
});

test('/embed gives the snippet for the choice and a live preview', async () => {
  const s = await newSession({ viewport: { width: 1024, height: 900 } });
  try {
    const { page } = s;
    await page.goto(server.url + '/embed');
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: 'Nhúng dịch vụ công vào trang của bạn' }).waitFor();
    const snippet = page.locator('#embed-snippet');
    assert.match(await snippet.textContent(), /<dvc-service-search province="79" lang="vi">/);
    assert.match(await snippet.textContent(), new RegExp(`src="${server.url}/embed/1/dvc-embed.js"`));
    await page.locator('.embed-preview dvc-service-search .service-item').first().waitFor({ timeout: 20_000 });

    await page.getByLabel('Phần tử').selectOption('card');
    await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Thành phố Hà Nội' });
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    assert.match(await snippet.textContent(), /<dvc-service service="birth-registration" province="01" lang="en">/);
    await page.locator('.embed-preview dvc-service .dvc-card__title').filter({ hasText: 'Birth registration' }).waitFor();
    assert.match(await page.locator('#embed-csp').textContent(), new RegExp(`script-src 'self' ${server.url} 'wasm-unsafe-eval';`));
    await expectAccessible(page, '/embed');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});
