// Builds the two peers into bench/out/peers from their registry packages:
//  govuk/  a question page (the same "what is your ID number" step the portal asks) made
//          with the govuk-frontend npm package's CSS and JS, the UK government's design system;
//  rjsf/   a 300-field form rendered by React with @rjsf/core, the most used JSON-schema
//          form engine, bundled for production with esbuild.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BENCH = resolve(import.meta.dirname, '..');
const OUT = join(BENCH, 'out/peers');
const GOVUK = join(BENCH, 'node_modules/govuk-frontend/dist/govuk');
export const FIELDS = 300;

rmSync(OUT, { recursive: true, force: true });

// --- GOV.UK Frontend question page -------------------------------------------------------
const g = join(OUT, 'govuk');
mkdirSync(g, { recursive: true });
cpSync(join(GOVUK, 'govuk-frontend.min.css'), join(g, 'govuk-frontend.min.css'));
cpSync(join(GOVUK, 'govuk-frontend.min.js'), join(g, 'govuk-frontend.min.js'));
cpSync(join(GOVUK, 'assets'), join(g, 'assets'), { recursive: true });
// The mark bench/ready.mjs waits for: the page's JavaScript has initialised.
writeFileSync(join(g, 'init.js'), "import { initAll } from './govuk-frontend.min.js';\ninitAll();\nperformance.mark('peer-ready');\n");
writeFileSync(join(g, 'index.html'), `<!DOCTYPE html>
<html lang="vi" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>Số định danh cá nhân – Đăng ký thường trú</title>
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <link rel="stylesheet" href="/govuk-frontend.min.css">
</head>
<body class="govuk-template__body">
  <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Chuyển đến nội dung chính</a>
  <header class="govuk-header" data-module="govuk-header"><div class="govuk-header__container govuk-width-container">
    <div class="govuk-header__logo"><a href="/" class="govuk-header__link govuk-header__link--homepage">Cổng Dịch vụ công Quốc gia</a></div>
  </div></header>
  <div class="govuk-width-container">
    <a href="/" class="govuk-back-link">Quay lại</a>
    <main class="govuk-main-wrapper" id="main-content">
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <form action="/" method="post" novalidate>
          <div class="govuk-form-group">
            <h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="id-number">Số định danh cá nhân của bạn là gì?</label></h1>
            <div id="id-number-hint" class="govuk-hint">Gồm 12 chữ số, in trên thẻ căn cước. Ví dụ: 001203004567</div>
            <input class="govuk-input govuk-input--width-20" id="id-number" name="idNumber" type="text" spellcheck="false" aria-describedby="id-number-hint" inputmode="numeric">
          </div>
          <button type="submit" class="govuk-button" data-module="govuk-button">Tiếp tục</button>
        </form>
      </div></div>
    </main>
  </div>
  <footer class="govuk-footer"><div class="govuk-width-container"><p class="govuk-body-s">Cổng Dịch vụ công Quốc gia</p></div></footer>
  <script type="module" src="/init.js"></script>
</body>
</html>
`);

// --- React + RJSF, 300 fields ------------------------------------------------------------
const r = join(OUT, 'rjsf');
mkdirSync(r, { recursive: true });
await build({
  stdin: {
    contents: `
      import React from 'react';
      import { createRoot } from 'react-dom/client';
      import Form from '@rjsf/core';
      import validator from '@rjsf/validator-ajv8';
      const properties = {};
      for (let i = 0; i < ${FIELDS}; i++) {
        properties['field' + i] = i % 3 === 0
          ? { type: 'string', title: 'Họ và tên ' + i, minLength: 2 }
          : i % 3 === 1 ? { type: 'integer', title: 'Số lượng ' + i, minimum: 0 }
          : { type: 'string', title: 'Thư điện tử ' + i, format: 'email' };
      }
      const schema = { title: 'Biểu mẫu ${FIELDS} trường', type: 'object', properties };
      function App() {
        const [formData, setFormData] = React.useState({});
        return React.createElement(Form, { schema, validator, formData, liveValidate: false,
          onChange: (e) => setFormData(e.formData) });
      }
      createRoot(document.getElementById('root')).render(React.createElement(App));
    `,
    resolveDir: BENCH,
    loader: 'js',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  define: { 'process.env.NODE_ENV': '"production"' },
  outfile: join(r, 'app.js'),
  logLevel: 'warning',
});
writeFileSync(join(r, 'index.html'), `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>RJSF ${FIELDS} fields</title></head>
<body><div id="root"></div><script type="module" src="/app.js"></script></body></html>
`);
console.log(`peers built in ${OUT}`);
