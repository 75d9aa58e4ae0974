// Helpers shared by the benchmark scripts: statistics and a macrotask yield that is not
// clamped like nested setTimeout.
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
