// Helpers shared by the benchmark scripts: statistics and a macrotask yield that is not
// clamped like nested setTimeout.
import { readFileSync } from 'node:fs';

export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

export const fmt = (ms) => `${ms.toFixed(2)} ms`;

/// Runs in the page: types each query one character at a time into the input with `id`,
/// timing from the input event to the end of the resulting DOM update and layout.
export async function typeAndTime(page, id, queries) {
  return page.evaluate(async ({ id, queries }) => {
    const yieldTask = () => new Promise((r) => {
      const c = new MessageChannel();
      c.port1.onmessage = () => r();
      c.port2.postMessage(0);
    });
    const input = document.getElementById(id);
    // The native setter, so frameworks that track the value (React) see a real change.
    const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    const setValue = Object.getOwnPropertyDescriptor(proto, 'value').set;
    const out = [];
    for (const q of queries) {
      setValue.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await yieldTask();
      for (let i = 1; i <= q.length; i++) {
        setValue.call(input, q.slice(0, i));
        const t0 = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await yieldTask();
        void document.body.offsetHeight; // include style and layout
        out.push(performance.now() - t0);
      }
    }
    return out;
  }, { id, queries });
}

/// Waits until the machine is idle: at least 90% of its cores' time unused over two
/// half-second windows in a row (Linux's /proc/stat), at most `limitMs`. Timed figures
/// taken while another process works (a server compressing a page it just made, a
/// browser still closing) measure that process too. A wait longer than those two windows
/// (with 100 ms to spare) is kept for `printQuietWaits`.
const quietWaits = [];
export async function quiet(label, limitMs = 60_000) {
  const sample = () => {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: cpu[3] + cpu[4], total: cpu.reduce((a, b) => a + b, 0) };
  };
  const start = Date.now();
  let calm = 0;
  let before = sample();
  while (calm < 2 && Date.now() - start < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = sample();
    const idle = (now.idle - before.idle) / Math.max(1, now.total - before.total);
    calm = idle >= 0.9 ? calm + 1 : 0;
    before = now;
  }
  const waited = Date.now() - start;
  if (waited > 1100) quietWaits.push({ label, waited, idle: calm >= 2 });
}

/// The waits `quiet` kept.
export function printQuietWaits() {
  if (quietWaits.length === 0) {
    console.log('The machine was idle before every timed measurement (no wait beyond its 1 s check).');
    return;
  }
  console.log('Before a timed measurement the bench waits for the machine to be idle (90% of its cores unused for 1 s):');
  for (const w of quietWaits) {
    console.log(`- ${w.label}: ${(w.waited / 1000).toFixed(1)} s${w.idle ? '' : ' (still busy; measured anyway)'}`);
  }
}
