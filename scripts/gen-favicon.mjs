// Draws public/favicon.png (32 x 32) from public/favicon.svg with Chromium, and is run by
// hand when the emblem changes: `node scripts/gen-favicon.mjs`. The pages link the PNG: a
// page's SVG icon is parsed as a whole SVG document on the page's main thread (20-57 ms at
// 4x CPU in a trace of the service page), a small PNG is not.
import { readFileSync, writeFileSync } from 'node:fs';
import { launch } from '../e2e/browser.mjs';

const svg = readFileSync('public/favicon.svg');
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 32, height: 32 }, deviceScaleFactor: 1 });
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="32" height="32">`);
  await page.waitForFunction(() => document.querySelector('img').complete);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 32, height: 32 } });
  writeFileSync('public/favicon.png', png);
  console.log(`public/favicon.png: ${png.length} bytes`);
} finally {
  await browser.close();
}
