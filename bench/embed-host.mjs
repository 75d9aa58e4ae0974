// A province's page embedding the portal's elements, for the benchmark: a plain host page
// on its own origin (port 18190 by default, the origin scripts/bench configures with
// --embed-origins), under a strict Content-Security-Policy naming the portal, with the
// catalogue's search for Hồ Chí Minh City and birth registration's card, and the
// stylesheet rules /embed offers so that the page does not jump while they load.
// Alone: node bench/embed-host.mjs <portal-url> [runs] prints its Lighthouse figures.
import { createServer } from 'node:http';
import { lighthouse } from './lighthouse.mjs';

export const HOST_PORT = 18190;

export function hostPage(portal) {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dịch vụ công trực tuyến – Thành phố Hồ Chí Minh</title>
<link rel="stylesheet" href="/host.css">
<script type="module" src="${portal}/embed/1/dvc-embed.js"></script>
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

// The room the elements take until loaded (as /embed gives it: `embed::snippet::ROOM_CSS`).
const HOST_CSS = `body { margin: 0 8px; font-family: system-ui, sans-serif; }
dvc-service-search:not([loaded]) { display: block; min-height: 100vh; }
dvc-service:not([loaded]) { display: block; min-height: 30rem; }
`;

export function serveHost(portal, port = HOST_PORT) {
  const csp = `default-src 'none'; script-src 'self' ${portal} 'wasm-unsafe-eval'; connect-src 'self' ${portal}; style-src 'self'; base-uri 'none'`;
  const server = createServer((req, res) => {
    const file = { '/': ['text/html; charset=utf-8', hostPage(portal)], '/host.css': ['text/css', HOST_CSS] }[req.url];
    if (!file) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': file[0], 'content-security-policy': csp, 'cache-control': 'no-cache' });
    res.end(file[1]);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => server.close(r)),
  })));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [portal, runs = '5'] = process.argv.slice(2);
  const host = await serveHost(portal);
  try {
    const r = await lighthouse(`${host.url}/`, Number(runs));
    console.log(`| embed: host page, search + card | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${(r.fcp / 1000).toFixed(2)} s | ${(r.lcp / 1000).toFixed(2)} s | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} |`);
    console.log(`LCP element: ${r.lcpElements.join(' / ')}`);
  } finally {
    await host.close();
  }
}
