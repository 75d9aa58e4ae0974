// Lighthouse mobile (default slow-4G and 4x CPU throttling) with Debian's Chromium:
// each URL is run `runs` times and the median of every figure is reported.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_ARGS } from '../e2e/browser.mjs';

const run = promisify(execFile);
const LH = resolve(import.meta.dirname, 'node_modules/.bin/lighthouse');

async function once(url) {
  const dir = mkdtempSync(join(tmpdir(), 'lh-'));
  const out = join(dir, 'report.json');
  try {
    await run(LH, [
      url, '--quiet', '--output=json', `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices',
      '--chrome-path=/usr/bin/chromium',
      `--chrome-flags=${[...CHROMIUM_ARGS, `--user-data-dir=${join(dir, 'profile')}`].join(' ')}`,
    ], { timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
    const r = JSON.parse(readFileSync(out, 'utf8'));
    const a = r.audits;
    return {
      performance: r.categories.performance.score * 100,
      accessibility: r.categories.accessibility.score * 100,
      bestPractices: r.categories['best-practices'].score * 100,
      fcp: a['first-contentful-paint'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      // What the largest paint was, to tell a real first paint from a late one.
      lcpElement: a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? '?',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Lighthouse sometimes fails to record a trace ("NO_NAVSTART ... run Lighthouse again");
// such a run is repeated, at most twice, and says so.
async function onceWithRetry(url) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once(url);
    } catch (e) {
      if (attempt >= 3 || !/run Lighthouse again/.test(String(e.stderr ?? e.message))) throw e;
      console.error(`lighthouse: ${url}: trace not recorded, running again`);
    }
  }
}

export async function lighthouse(url, runs = 3) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await onceWithRetry(url));
  const keys = Object.keys(results[0]).filter((k) => k !== 'lcpElement');
  const figures = Object.fromEntries(keys.map((k) => [k, median(results.map((r) => r[k]))]));
  return { ...figures, lcpElements: [...new Set(results.map((r) => r.lcpElement))] };
}
