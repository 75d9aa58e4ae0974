// The benchmark: bytes on the wire, Lighthouse mobile, search and form keystroke latency,
// for the portal and, in the same run, for the peers (GOV.UK Frontend question page,
// React + RJSF 300-field form). Started by scripts/bench, which builds and serves things.
// Usage: node bench/run.mjs <portal-url> <portal-10k-url>
import { serveStatic } from './serve-static.mjs';
import { measureWire, summarise } from './wire.mjs';
import { lighthouse } from './lighthouse.mjs';
import { measureSearch } from './search.mjs';
import { measureFormTyping, measurePortalFormTyping } from './form-typing.mjs';
import { fmt, quiet, printQuietWaits } from './lib.mjs';
import { serveHost } from './embed-host.mjs';
import { paintTypingTable, printPaintTyping } from './paint-typing.mjs';
import { measureReady } from './ready.mjs';
import { measureJourney, printJourney } from './journey.mjs';

const [portal, portal10k] = process.argv.slice(2);
// Issue 16: Lighthouse figures are the median of at least 5 runs (TBT varies from run to run).
const RUNS = Number(process.env.LH_RUNS || 5);
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;

const govuk = await serveStatic(new URL('./out/peers/govuk', import.meta.url).pathname);
const rjsf = await serveStatic(new URL('./out/peers/rjsf', import.meta.url).pathname);
// A province's page with the embeddable elements (its origin is in the portal's
// --embed-origins, see scripts/bench).
const host = await serveHost(portal);

// The journey first: it files the dossier whose tracking page is measured below; its
// table is printed in its place.
await quiet('the journey');
const journey = await measureJourney(portal);

// The five largest forms (the form's data each step's page carries, as the API sends it),
// each at its first step.
const largestForms = await largest(portal, 5);
// Issue 16's ceilings for a first visit: the catalogue 150 KiB, every other citizen entry page 200.
const KIB_CATALOGUE = 150;
const KIB_ENTRY = 200;
const pages = [
  { name: 'portal: catalogue', url: `${portal}/`, ready: '.service-item', budget: KIB_CATALOGUE },
  { name: 'portal: service page', url: `${portal}/services/permanent-residence-registration`, ready: '.summary-list', budget: KIB_ENTRY },
  ...largestForms.map((f) => ({
    name: `portal: form step, ${f.id} (${(f.bytes / 1024).toFixed(1)} KiB of form)`,
    url: `${portal}/services/${f.id}/apply`,
    ready: 'form.question-form',
    budget: KIB_ENTRY,
  })),
  // A dossier's tracking page, signed in (the dossier the journey filed), and My dossiers
  // as a first visit signed out finds it: the citizen's bundle.
  { name: 'portal: dossier tracking (signed in)', url: `${portal}/dossiers/${encodeURIComponent(journey.code)}`, ready: '.panel__code, h1', signIn: portal, budget: KIB_ENTRY },
  { name: 'portal: My dossiers (signed out)', url: `${portal}/dossiers`, ready: 'a[href="/auth/sign-in"]', budget: KIB_ENTRY },
  { name: 'embed: host page, search + card', url: `${host.url}/`, ready: 'dvc-service .dvc-card__title' },
  { name: 'peer: GOV.UK Frontend question page', url: `${govuk.url}/`, ready: 'h1' },
  { name: 'peer: React + RJSF 300 fields', url: `${rjsf.url}/`, ready: '#root_field299' },
];

console.log('\n## Bytes on the wire, first visit (encoded = what was transferred; raw = decoded)\n');
console.log('The last two columns are what the page fetches once it is usable, for what comes next: the next');
console.log('page\'s bundle, prefetched at idle priority (a service\'s page, the form\'s bundle), and chunks of its');
console.log('own bundle it asks for after its `portal-ready` mark (a form step: Check answers\' and the drafts\', and the');
console.log('upload control\'s and the repeating groups\' in forms that have them; My dossiers, the unfinished');
console.log('applications\' when the device keeps a draft). Neither is in the total, which is what this page needs;');
console.log('a chunk asked for before the mark is counted with the wasm. Each portal page was requested once before');
console.log('(as any page is by its first visitor), so the server sends the page compressed as it keeps it.\n');
console.log('| page | html | css | js | wasm | data | other | total encoded | total raw | ceiling | prefetched for the next page | chunks fetched once usable |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const missed = [];
for (const p of pages) {
  if (p.url.startsWith(portal)) await warm(p.url);
  const s = summarise(await measureWire(p.url, p.ready, { signIn: p.signIn }));
  const c = (k) => (s.by[k] ? kib(s.by[k].wire) : '–');
  let ceiling = '–';
  if (p.budget) {
    const met = s.total.wire <= p.budget * 1024;
    ceiling = `${p.budget} KiB ${met ? 'met' : '**missed**'}`;
    if (!met) missed.push(`${p.name}: ${kib(s.total.wire)}`);
  }
  console.log(`| ${p.name} | ${c('html')} | ${c('css')} | ${c('js')} | ${c('wasm')} | ${c('data')} | ${c('other')} | **${kib(s.total.wire)}** | ${kib(s.total.raw)} | ${ceiling} | ${c('prefetch')} | ${c('chunk')} |`);
}
console.log(missed.length ? `\nCeilings missed: ${missed.join('; ')}.` : '\nEvery ceiling met.');

console.log(`\n## Lighthouse 12.8.2, mobile (slow 4G, 4x CPU), median of ${RUNS} runs\n`);
console.log('| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
const lcpElements = [];
// Lighthouse loads each page signed out: every entry page but tracking, and of the forms the largest.
for (const p of pages.filter((p) => !p.signIn && !largestForms.slice(1).some((f) => p.url.endsWith(`/${f.id}/apply`)))) {
  await quiet(`Lighthouse, ${p.name}`);
  const r = await lighthouse(p.url, RUNS);
  console.log(`| ${p.name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${(r.fcp / 1000).toFixed(2)} s | ${(r.lcp / 1000).toFixed(2)} s | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} |`);
  lcpElements.push(`- ${p.name}: ${r.lcpElements.map((e) => '`' + e.slice(0, 90) + '`').join(', ')}`);
}
console.log('\nLargest contentful paint element:\n' + lcpElements.join('\n'));

const READY_RUNS = Number(process.env.READY_RUNS || 5);
console.log(`\n## Ready to use: navigation start to the page's "usable" mark, slow 4G and 4x CPU, cold cache, median of ${READY_RUNS} loads\n`);
console.log('The portal marks `portal-ready` once the page is drawn by the app and its first control answers');
console.log('(a service page: its Start button and fees; a form step: its questions check what is typed);');
console.log('the GOV.UK peer marks `peer-ready` after its JavaScript initialised. Target: under 2.0 s.\n');
console.log('The largest contentful paint is the page\'s own, observed in the same loads (Lighthouse simulates its LCP');
console.log('from an unthrottled trace, in which a download started before the first paint delays that paint).\n');
console.log('| page | first contentful paint | largest contentful paint | ready, median | ready, worst |');
console.log('|---|---:|---:|---:|---:|');
const secs = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'not observed');
for (const [name, url, mark] of [
  ['portal: catalogue', `${portal}/`, 'portal-ready'],
  ['portal: service page', `${portal}/services/permanent-residence-registration`, 'portal-ready'],
  ...largestForms.map((f) => [`portal: form step, ${f.id}`, `${portal}/services/${f.id}/apply`, 'portal-ready']),
  ['portal: My dossiers (signed out)', `${portal}/dossiers`, 'portal-ready'],
  ['peer: GOV.UK Frontend question page', `${govuk.url}/`, 'peer-ready'],
]) {
  await quiet(`ready, ${name}`);
  const r = await measureReady(url, mark, READY_RUNS);
  console.log(`| ${name} | ${secs(r.fcp.median)} | ${secs(r.lcp.median)} | ${secs(r.ready.median)} | ${secs(r.ready.max)} |`);
}

console.log('\n## Going on from one page to the next: a signed-in citizen from the catalogue to tracking, one tab, slow 4G and 4x CPU\n');
console.log('Cold cache at the catalogue, then the browser\'s cache; each page read for 3 s before the next link');
console.log('(what a page prefetches while it is read counts for the step after it). A form\'s steps and Check');
console.log('answers are drawn by the same page; the others are pages the server sends.\n');
printJourney(journey.steps);

console.log('\n## Catalogue search, per keystroke, measured in the page (input event to DOM updated and laid out)\n');
console.log('The portal draws the results in a task after the key\'s paint, which this probe does not wait for:');
console.log('it times the key\'s own work only. The Event Timing table below times each key to its paint.\n');
console.log('| catalogue | services | keystrokes | median | p95 | max |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [label, url] of [['real', portal], ['generated', portal10k]]) {
  await quiet(`search in the page, ${label} catalogue`);
  const r = await measureSearch(url);
  console.log(`| ${label} | ${r.services} | ${r.n} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.max)} |`);
}

console.log('\n## Typing into a field of a 300-field form, per keystroke, measured in the page\n');
console.log('| form | keystrokes | median | p95 | max |');
console.log('|---|---:|---:|---:|---:|');
await quiet('typing in the page, portal form');
const ours = await measurePortalFormTyping(portal);
await quiet('typing in the page, RJSF form');
const theirs = await measureFormTyping(`${rjsf.url}/`, 'root_field150', '#root_field299');
console.log(`| portal (Leptos) | ${ours.n} | ${fmt(ours.median)} | ${fmt(ours.p95)} | ${fmt(ours.max)} |`);
console.log(`| peer: React + @rjsf/core | ${theirs.n} | ${fmt(theirs.median)} | ${fmt(theirs.p95)} | ${fmt(theirs.max)} |`);
console.log(`\nratio RJSF / portal: median ${(theirs.median / ours.median).toFixed(1)}x, p95 ${(theirs.p95 / ours.p95).toFixed(1)}x`);

console.log('\n## Typing as people feel it: each key from its event to the next paint (Event Timing), real key events, 4x CPU\n');
console.log('The last two columns time each key, unrounded, to the end of the main thread\'s work for its next frame:');
console.log('a check on Event Timing, which has been seen to report no key at all on a page for a whole load. A page');
console.log('for which it reported none while its keys\' frames took 16 ms or more is loaded again (at most three loads).\n');
printPaintTyping(await paintTypingTable(portal, govuk.url, rjsf.url));

console.log('\n## Waits for an idle machine\n');
printQuietWaits();

await govuk.close();
await rjsf.close();
await host.close();

/// The `n` services whose form's data is largest (`GET /api/v1/services/{id}/form`, the
/// data block of their form steps' pages), largest first.
async function largest(base, n) {
  const index = await (await fetch(`${base}/api/v1/catalog`)).json();
  const ids = index.services.map((s) => s.id);
  const sized = [];
  for (const id of ids) {
    const res = await fetch(`${base}/api/v1/services/${encodeURIComponent(id)}/form`);
    if (res.ok) sized.push({ id, bytes: (await res.text()).length });
  }
  return sized.sort((a, b) => b.bytes - a.bytes).slice(0, n);
}

/// Asks for `url` as a browser would, once: the server keeps each page compressed after
/// its first request (crates/portal-server/src/web/page_cache.rs), made in the background.
async function warm(url) {
  await (await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } })).arrayBuffer();
  await new Promise((resolve) => setTimeout(resolve, 500));
}
