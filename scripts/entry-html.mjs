// Makes the app's entry pages from index.html (the whole portal's page), each with the
// same frame and its own first paint, so a page shows its text before the wasm arrives:
//   node scripts/entry-html.mjs catalogue index.html catalogue.html
//     the catalogue's page (sent for `/`): its own small bundle (app::CatalogueApp) and
//     the catalogue's heading; made before trunk builds it.
//   node scripts/entry-html.mjs gallery index.html gallery.html
//     the question gallery's page (sent for `/gallery` and `/gallery/large-form`): its own
//     bundle (app::GalleryApp), so the examples stay out of the citizens' bundles.
//   node scripts/entry-html.mjs statistics index.html statistics.html
//     the public statistics' page (sent for `/statistics`): its own small bundle
//     (app::StatisticsApp) and the page's heading and lead; made before trunk builds it.
//   node scripts/entry-html.mjs citizen index.html citizen.html
//     the citizen's pages after a form (tracking, My dossiers, lookup...): their own
//     bundle (app::CitizenApp), without the staff pages; made before trunk builds it.
//     index.html stays the whole portal's page, sent for staff pages.
//   node scripts/entry-html.mjs service index.html service.html
//     a service's page (sent for `/services/{id}`): its own small bundle (app::ServiceApp,
//     which reads the service without its form), the breadcrumbs, and the service's
//     name and summary, which the server fills in
//     (crates/portal-server/src/web/first_paint.rs); made before trunk builds it.
//   node scripts/entry-html.mjs apply index.html apply.html
//     a service's form (sent for check-your-answers and the steps only some answers
//     show): its own bundle (app::FormApp); made before trunk builds it.
//   node scripts/entry-html.mjs form dist/apply.html dist/form.html
//     a form step's page (sent for `/services/{id}/apply[/{step}]`): the form's bundle,
//     the back link, the service's name, the step's title and intro, which the server
//     fills in.
// Texts are the app's own constants (src/i18n/texts.rs, Vietnamese), printed as JSON by
// the native tool `entry-texts` (src/bin/entry-texts.rs) into target/entry-texts.json,
// which scripts/build-web makes first. Outputs are build products, not committed.
import { readFileSync, writeFileSync } from 'node:fs';

const [kind, from, to] = process.argv.slice(2);

const texts = JSON.parse(readFileSync('target/entry-texts.json', 'utf8'));
const text = (key) => {
  if (typeof texts[key] !== 'string') {
    console.error(`target/entry-texts.json has no text ${key}: add it to src/bin/entry-texts.rs`);
    process.exit(1);
  }
  return texts[key];
};

const replace = (html, what, by) => {
  if (!html.includes(what)) {
    console.error(`${from} changed shape: "${what}" not found`);
    process.exit(1);
  }
  return html.replace(what, by);
};

const LOADING = '<p class="loading" role="status">';
let html = readFileSync(from, 'utf8');
if (kind === 'catalogue') {
  // The same heading, lead and lookup link as pages/catalogue.rs renders.
  html = replace(html, 'data-bin="portal-web"', 'data-bin="portal-catalogue"');
  html = replace(html, LOADING,
    `<h1>${text('CatalogueTitle')}</h1>\n    <p class="lead">${text('CatalogueIntro')}</p>\n` +
    `    <p class="lookup-link"><a href="/lookup">${text('LookupTitle')}</a></p>\n    ${LOADING}`);
} else if (kind === 'citizen') {
  // The citizen's own bundle (app::CitizenApp): the staff pages never ship to citizens.
  // Built with the `split-citizen` feature: scripts/split-bundle.mjs cuts out the pages people
  // seldom enter it by (src/app.rs).
  html = replace(html, 'data-bin="portal-web"', 'data-bin="portal-citizen" data-cargo-features="split-citizen"');
} else if (kind === 'apply') {
  // A service's form, its own bundle (app::FormApp), without the tracking pages; built
  // with the `split-form` feature, so that scripts/split-bundle cuts Check answers and Send
  // into a chunk of their own (src/split.rs).
  html = replace(html, 'data-bin="portal-web"', 'data-bin="portal-form" data-cargo-features="split-form"');
} else if (kind === 'gallery') {
  // The gallery's own bundle (app::GalleryApp): examples never ship to citizens.
  html = replace(html, 'data-bin="portal-web"', 'data-bin="portal-gallery"');
} else if (kind === 'statistics') {
  // The same heading and lead as pages/statistics.rs renders; the figures depend on the
  // query, so the rest waits for the app.
  html = replace(html, 'data-bin="portal-web"', 'data-bin="portal-statistics"');
  html = replace(html, LOADING,
    `<h1>${text('StatisticsTitle')}</h1>\n    <p class="lead">${text('StatisticsIntro')}</p>\n    ${LOADING}`);
} else if (kind === 'service') {
  // Its own bundle (app::ServiceApp), and the same breadcrumbs as pages/service.rs
  // renders; the server replaces the marker with the service's heading and lead (none
  // for a service it does not have).
  html = replace(html, 'data-bin="portal-web"', 'data-bin="portal-service"');
  html = replace(html, LOADING,
    `<nav class="breadcrumbs" aria-label="${text('Breadcrumbs')}"><ol><li><a href="/">${text('Home')}</a></li></ol></nav>\n` +
    `    %SERVICE_HEADING%\n    ${LOADING}`);
} else if (kind === 'form') {
  // The same back link, caption, heading and intro as pages/apply.rs renders (the app
  // adds the step number to the caption); the server replaces the markers.
  html = replace(html, LOADING,
    `<a class="back-link" href="%BACK%">${text('Back')}</a>\n` +
    `    <p class="caption">%SERVICE_NAME%</p>\n    <h1 tabindex="-1">%STEP_TITLE%</h1>\n    %STEP_INTRO%\n    ${LOADING}`);
} else {
  console.error('usage: entry-html.mjs catalogue|citizen|apply|gallery|statistics|service|form FROM TO');
  process.exit(2);
}
// index.html's comments are for its readers, not for every visitor's download.
html = html.replace(/<!--[\s\S]*?-->\s*/g, '');
writeFileSync(to, html);
