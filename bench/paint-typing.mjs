// Keystrokes as people feel them: each key's Event Timing duration, from the key event to
// the next paint after its handlers ran (how INP measures an interaction), with real key
// events from the browser's input pipeline at 4x CPU slowdown. The in-page probe of
// lib.mjs (input event to DOM updated and laid out) leaves out the paint, the input
// pipeline and the frame's wait; this one does not.
// Chromium reports an event only when it took at least 16 ms (the API's smallest
// threshold) and rounds durations to 8 ms: a keystroke without an entry was under 16 ms,
// and a percentile among them is printed as "< 16 ms".
// Beside it, unrounded, each key from its event to the end of the main thread's work for
// its next frame (a message posted from that frame's animation callback): a check on the
// first. On the 300-question page Chromium has been seen to report no entry at all for a
// whole run while that frame took over 16 ms for most keys; such a run is printed as not
// measured, not as under 16 ms.
// Alone: node bench/paint-typing.mjs <portal-url> <govuk-peer-url> <rjsf-peer-url>
import { launch } from '../e2e/browser.mjs';
import { quiet } from './lib.mjs';

// ASCII only: Playwright types other characters as one inserted text, without key events.
const TEXT = 'nguyen van an 0912345678 so 12 ngo 34';

/// Types `text` key by key into `selector` on `url` and returns one duration per key
/// (0 for a key that Chromium did not report, that is under 16 ms).
export async function paintTyping(url, selector, readySelector, { text = TEXT, cpu = 4 } = {}) {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(url);
    await page.waitForSelector(readySelector, { timeout: 60_000 });
    const field = page.locator(selector).first();
    // The field in the middle of the screen, and at the same place on every run: left to
    // the click, a field far down a long page was scrolled to wherever the page's layout
    // had got to (the 300-question form's stopped at the screen's bottom edge or middle).
    await field.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await field.click();
    await page.keyboard.type('warm up', { delay: 50 });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      window.__frames = [];
      const channel = new MessageChannel();
      let down = 0;
      channel.port1.onmessage = () => window.__frames.push(performance.now() - down);
      addEventListener('keydown', (e) => {
        down = e.timeStamp;
        requestAnimationFrame(() => channel.port2.postMessage(0));
      }, true);
      window.__keys = new Map();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (!e.interactionId) continue;
          window.__keys.set(e.interactionId, Math.max(window.__keys.get(e.interactionId) ?? 0, e.duration));
        }
      }).observe({ type: 'event', durationThreshold: 16 });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    for (const ch of text) {
      await page.keyboard.type(ch);
      // A person's pace: the key's frame has painted before the next key.
      await page.waitForTimeout(120);
    }
    await page.waitForTimeout(500);
    const reported = await page.evaluate(() => [...window.__keys.values()]);
    const frames = await page.evaluate(() => window.__frames);
    // The keys went where they were meant to, or the figures mean nothing.
    const value = await field.inputValue();
    if (!value.endsWith(text)) throw new Error(`${url}: ${selector} holds "${value}", not the typed text`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const missing = Math.max(0, text.length - reported.length);
    return { keys: text.length, reported: reported.length, samples: [...reported, ...Array(missing).fill(0)], frames };
  } finally {
    await browser.close();
  }
}

function pct(samples, p) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

export const show = (ms) => (ms < 16 ? '< 16 ms' : `${Math.round(ms)} ms`);

/// The table rows for the portal's search and large form and the peers.
export async function paintTypingTable(portal, govuk, rjsf) {
  const rows = [
    ['portal: catalogue search', `${portal}/`, '#catalogue-search', '.service-item'],
    ['portal: 300-question form, question 151', `${portal}/gallery/large-form`, '#f-f150', '#f-f299'],
    ['peer: GOV.UK one-field question page', `${govuk}/`, '#id-number', 'h1'],
    ['peer: React + @rjsf/core, field 151', `${rjsf}/`, '#root_field150', '#root_field299'],
  ];
  const out = [];
  for (const [name, url, field, ready] of rows) {
    // No entry at all while most keys' frames took 16 ms or more: the API missed them.
    // Chromium does so in some loads of the 300-question form (about half on this machine,
    // not understood); the page is loaded again, up to three times, and the table says how
    // many loads it took. A page still missed is printed as not measured.
    let r;
    let loads = 0;
    do {
      await quiet(`typing to paint, ${name}`);
      r = await paintTyping(url, field, ready);
      loads += 1;
      r.unmeasured = r.reported === 0 && pct(r.frames, 0.5) >= 16;
    } while (r.unmeasured && loads < 3);
    out.push({
      name, ...r, loads, median: pct(r.samples, 0.5), p95: pct(r.samples, 0.95), max: Math.max(...r.samples),
      frameMedian: pct(r.frames, 0.5), frameP95: pct(r.frames, 0.95),
    });
  }
  return out;
}

export function printPaintTyping(rows) {
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log('| page | loads | keys | reported (>= 16 ms) | median | p95 | max | key to its frame done, median | p95 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const et = r.unmeasured ? 'not measured | not measured | not measured' : `${show(r.median)} | ${show(r.p95)} | ${show(r.max)}`;
    console.log(`| ${r.name} | ${r.loads} | ${r.keys} | ${r.reported} | ${et} | ${ms(r.frameMedian)} | ${ms(r.frameP95)} |`);
  }
  const govuk = rows.find((r) => r.name.includes('GOV.UK'));
  for (const r of rows.filter((x) => x.name.startsWith('portal'))) {
    if (r.unmeasured || govuk.unmeasured) {
      const missed = r.unmeasured ? r : govuk;
      console.log(`\n${r.name}: not measured (Chromium reported no key of ${missed.name}, whose keys' frames took ${ms(missed.frameMedian)} at the median)`);
      continue;
    }
    const base = Math.max(govuk.p95, 16);
    console.log(`\n${r.name}: p95 ${show(r.p95)} = ${(Math.max(r.p95, 16) / base).toFixed(2)}x the GOV.UK page's (target <= 1.2x; under 16 ms counts as 16)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [portal, govuk, rjsf] = process.argv.slice(2);
  printPaintTyping(await paintTypingTable(portal, govuk, rjsf));
}
