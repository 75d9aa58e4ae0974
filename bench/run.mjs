// The benchmark: bytes on the wire, Lighthouse mobile, search and form keystroke latency,
// for the portal and, in the same run, for the peers (GOV.UK Frontend question page,
// React + RJSF 300-field form). Started by scripts/bench, which builds and serves things.
// Usage: node bench/run.mjs <portal-url> <portal-10k-url>
import { serveStatic } from './serve-static.mjs';
import { measureWire, summarise } from './wire.mjs';
import { lighthouse } from './lighthouse.mjs';
import { measureSearch } from './search.mjs';
import { measureFormTyping, measurePortalFormTyping } from './form-typing.mjs';
import { fmt } from './lib.mjs';
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

const pages = [
  { name: 'portal: catalogue', url: `${portal}/`, ready: '.service-item' },
  { name: 'portal: service page', url: `${portal}/services/permanent-residence-registration`, ready: '.summary-list' },
  { name: 'portal: form step', url: `${portal}/services/permanent-residence-registration/apply`, ready: 'form.question-form' },
  // The citizen's bundle (tracking, My dossiers), as a first visit signed out finds it.
  { name: 'portal: My dossiers (signed out)', url: `${portal}/dossiers`, ready: 'a[href="/auth/sign-in"]' },
  { name: 'embed: host page, search + card', url: `${host.url}/`, ready: 'dvc-service .dvc-card__title' },
  { name: 'peer: GOV.UK Frontend question page', url: `${govuk.url}/`, ready: 'h1' },
  { name: 'peer: React + RJSF 300 fields', url: `${rjsf.url}/`, ready: '#root_field299' },
];

console.log('\n## Bytes on the wire, first visit (encoded = what was transferred; raw = decoded)\n');
console.log('The last two columns are what the page fetches once it is usable, for what comes next: the next');
console.log('page\'s bundle, prefetched at idle priority (a service\'s page, the form\'s bundle), and chunks of its');
console.log('own bundle (a form step, Check answers\' and the drafts\', and the upload control\'s and the repeating groups\' in');
console.log('forms that have them; My dossiers, the unfinished');
console.log('applications\' when the device keeps a draft). Neither is in the total, which is');
console.log('what this page needs.\n');
console.log('| page | html | css | js | wasm | data | other | total encoded | total raw | prefetched for the next page | chunks fetched once usable |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const p of pages) {
  const s = summarise(await measureWire(p.url, p.ready));
  const c = (k) => (s.by[k] ? kib(s.by[k].wire) : '–');
  console.log(`| ${p.name} | ${c('html')} | ${c('css')} | ${c('js')} | ${c('wasm')} | ${c('data')} | ${c('other')} | **${kib(s.total.wire)}** | ${kib(s.total.raw)} | ${c('prefetch')} | ${c('chunk')} |`);
}

console.log(`\n## Lighthouse 12.8.2, mobile (slow 4G, 4x CPU), median of ${RUNS} runs\n`);
console.log('| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
const lcpElements = [];
for (const p of pages) {
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
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
for (const [name, url, mark] of [
  ['portal: catalogue', `${portal}/`, 'portal-ready'],
  ['portal: service page', `${portal}/services/permanent-residence-registration`, 'portal-ready'],
  ['portal: form step', `${portal}/services/permanent-residence-registration/apply`, 'portal-ready'],
  ['portal: My dossiers (signed out)', `${portal}/dossiers`, 'portal-ready'],
  ['peer: GOV.UK Frontend question page', `${govuk.url}/`, 'peer-ready'],
]) {
  const r = await measureReady(url, mark, READY_RUNS);
  console.log(`| ${name} | ${secs(r.fcp.median)} | ${secs(r.lcp.median)} | ${secs(r.ready.median)} | ${secs(r.ready.max)} |`);
}

console.log('\n## Going on from one page to the next: a signed-in citizen from the catalogue to tracking, one tab, slow 4G and 4x CPU\n');
console.log('Cold cache at the catalogue, then the browser\'s cache; each page read for 3 s before the next link');
console.log('(what a page prefetches while it is read counts for the step after it). A form\'s steps and Check');
console.log('answers are drawn by the same page; the others are pages the server sends.\n');
printJourney(await measureJourney(portal));

console.log('\n## Catalogue search, per keystroke, measured in the page (input event to DOM updated and laid out)\n');
console.log('The portal draws the results in a task after the key\'s paint, which this probe does not wait for:');
console.log('it times the key\'s own work only. The Event Timing table below times each key to its paint.\n');
console.log('| catalogue | services | keystrokes | median | p95 | max |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [label, url] of [['real', portal], ['generated', portal10k]]) {
  const r = await measureSearch(url);
  console.log(`| ${label} | ${r.services} | ${r.n} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.max)} |`);
}

console.log('\n## Typing into a field of a 300-field form, per keystroke, measured in the page\n');
console.log('| form | keystrokes | median | p95 | max |');
console.log('|---|---:|---:|---:|---:|');
const ours = await measurePortalFormTyping(portal);
const theirs = await measureFormTyping(`${rjsf.url}/`, 'root_field150', '#root_field299');
console.log(`| portal (Leptos) | ${ours.n} | ${fmt(ours.median)} | ${fmt(ours.p95)} | ${fmt(ours.max)} |`);
console.log(`| peer: React + @rjsf/core | ${theirs.n} | ${fmt(theirs.median)} | ${fmt(theirs.p95)} | ${fmt(theirs.max)} |`);
console.log(`\nratio RJSF / portal: median ${(theirs.median / ours.median).toFixed(1)}x, p95 ${(theirs.p95 / ours.p95).toFixed(1)}x`);

console.log('\n## Typing as people feel it: each key from its event to the next paint (Event Timing), real key events, 4x CPU\n');
printPaintTyping(await paintTypingTable(portal, govuk.url, rjsf.url));

await govuk.close();
await rjsf.close();
await host.close();
