// Draws public/favicon.png (32 x 32) from public/favicon.svg with Chromium, and is run by
// hand when the emblem changes: `node scripts/gen-favicon.mjs`. The pages link the PNG: a
// page's SVG icon is parsed as a whole SVG document on the page's main thread (20-57 ms at
// 4x CPU in a trace of the service page), a small PNG is not. The PNG is written with a
// palette of the drawing's own colours (lossless, since a 32 x 32 icon has far fewer than
// 256): 602 bytes, against 801 for Chromium's true-colour screenshot.
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { launch } from '../e2e/browser.mjs';

const SIZE = 32;
const svg = readFileSync('public/favicon.svg');
const browser = await launch();
let rgba;
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  rgba = await page.evaluate(async ([src, size]) => {
    const img = new Image(size, size);
    img.src = src;
    await img.decode();
    const canvas = new OffscreenCanvas(size, size);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0, size, size);
    return Array.from(ctx.getImageData(0, 0, size, size).data);
  }, [src, SIZE]);
} finally {
  await browser.close();
}

// The palette: translucent colours first, so the transparency table stops at the last.
const key = (i) => rgba.slice(i, i + 4).join(',');
const colours = [...new Set(Array.from({ length: SIZE * SIZE }, (_, p) => key(p * 4)))]
  .map((k) => k.split(',').map(Number))
  .sort((a, b) => (a[3] === 255) - (b[3] === 255) || a.join().localeCompare(b.join()));
if (colours.length > 256) throw new Error(`${colours.length} colours: too many for a palette`);
const index = new Map(colours.map((c, i) => [c.join(), i]));
const rows = [];
for (let y = 0; y < SIZE; y += 1) {
  rows.push(0); // filter: none
  for (let x = 0; x < SIZE; x += 1) rows.push(index.get(key((y * SIZE + x) * 4)));
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per palette index
header[9] = 3; // colour type: palette
const translucent = colours.filter((c) => c[3] !== 255);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('PLTE', Buffer.from(colours.flatMap((c) => c.slice(0, 3)))),
  ...(translucent.length ? [chunk('tRNS', Buffer.from(translucent.map((c) => c[3])))] : []),
  chunk('IDAT', deflateSync(Buffer.from(rows), { level: 9, memLevel: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync('public/favicon.png', png);
console.log(`public/favicon.png: ${png.length} bytes, ${colours.length} colours`);
