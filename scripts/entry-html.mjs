// Writes catalogue.html, the page the server sends for `/`, from index.html (the whole
// portal's page): the same frame, the catalogue's own small bundle (app::CatalogueApp),
// and the catalogue's heading in the first paint, so the page has its text before the
// wasm arrives. Run by scripts/build-web before trunk; the output is not committed.
import { readFileSync, writeFileSync } from 'node:fs';

const replace = (html, from, to) => {
  if (!html.includes(from)) {
    console.error(`index.html changed shape: "${from}" not found`);
    process.exit(1);
  }
  return html.replace(from, to);
};

// The heading and lead are pages/catalogue.rs's, read from the Vietnamese texts.
const texts = readFileSync('src/i18n/texts.rs', 'utf8');
const text = (key) => {
  const m = texts.match(new RegExp(`\\b${key}: Key = Key\\(&Texts \\{\\s*vi: "([^"]+)"`));
  if (!m) {
    console.error(`src/i18n/texts.rs has no Vietnamese text for ${key}`);
    process.exit(1);
  }
  return m[1];
};

let html = readFileSync('index.html', 'utf8');
html = replace(html, 'data-bin="portal-web"', 'data-bin="portal-catalogue"');
html = replace(
  html,
  '<p class="loading" role="status">',
  `<h1>${text('CatalogueTitle')}</h1>\n    <p class="lead">${text('CatalogueIntro')}</p>\n    <p class="loading" role="status">`,
);
writeFileSync('catalogue.html', html);
