// Generates a synthetic catalogue of N services (TOML files, same schema as catalog/) for
// the benchmark: names and summaries are built from Vietnamese administrative words and
// random syllables so the vocabulary grows like a real national catalogue's.
// Usage: node bench/gen-catalogue.mjs <count> <out-dir>
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [, , countArg, outArg] = process.argv;
const count = Number(countArg || 10000);
const out = resolve(outArg || 'bench/out/catalog-10k');
const ROOT = resolve(import.meta.dirname, '..');

const verbs = ['Đăng ký', 'Cấp', 'Cấp lại', 'Cấp đổi', 'Gia hạn', 'Điều chỉnh', 'Xác nhận', 'Thông báo', 'Thu hồi', 'Chấm dứt', 'Công nhận', 'Phê duyệt'];
const objects = ['giấy phép', 'chứng chỉ', 'giấy chứng nhận', 'hồ sơ', 'thẻ', 'biển số', 'hợp đồng', 'quyết định', 'văn bằng', 'sổ'];
const fields = ['xây dựng', 'đất đai', 'kinh doanh', 'vận tải', 'y tế', 'giáo dục', 'môi trường', 'thủy sản', 'lâm nghiệp', 'du lịch', 'văn hóa', 'thể thao', 'bảo hiểm', 'lao động', 'thương mại', 'hộ tịch', 'cư trú', 'thuế', 'hải quan', 'điện lực'];
const syll = ['an', 'bình', 'châu', 'dương', 'giang', 'hà', 'hòa', 'khánh', 'lâm', 'minh', 'nam', 'ninh', 'phú', 'quang', 'sơn', 'tân', 'thanh', 'trung', 'vĩnh', 'xuân'];
const levels = ['ministry', 'province', 'commune'];
// Topic ids must exist in the catalogue's taxonomy when it has one.
let topics = ['residence', 'family', 'identity', 'travel', 'birth', 'death'];
try {
  const ids = [...readFileSync(join(ROOT, 'catalog/topics.toml'), 'utf8').matchAll(/^id\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
  if (ids.length) topics = ids;
} catch { /* no taxonomy file yet */ }

let seed = 42;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const pick = (a) => a[rnd(a.length)];
const esc = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'services'), { recursive: true });
// Keep the real services so real queries still have real answers.
for (const f of readdirSync(join(ROOT, 'catalog/services'))) {
  writeFileSync(join(out, 'services', f), readFileSync(join(ROOT, 'catalog/services', f)));
}
writeFileSync(join(out, 'topics.toml'), readFileSync(join(ROOT, 'catalog/topics.toml')));
for (const dir of ['forms', 'admin-units']) {
  cpSync(join(ROOT, 'catalog', dir), join(out, dir), { recursive: true });
}
// A ministry-level service names the ministry whose system receives it (the catalogue
// check `routing-ministry`); the others go to a province's or a commune's centre.
const ministry = (level) => (level === 'ministry'
  ? '[agency.ministry]\nid = "generated"\nname = { vi = "Bộ thử nghiệm", en = "Generated ministry" }\n'
  : '');
const BASIS = 'Luật Cư trú 68/2020/QH14';
const real = readdirSync(join(out, 'services')).length;
for (let i = real; i < count; i++) {
  const place = pick(syll) + ' ' + pick(syll);
  const vi = `${pick(verbs)} ${pick(objects)} ${pick(fields)} ${place} ${i}`;
  const en = `Generated service ${i} (${pick(fields)})`;
  const level = pick(levels);
  const id = `generated-${i}`;
  writeFileSync(join(out, 'services', `${id}.toml`), `id = "${id}"
audiences = ["citizen"]
online_level = "partial"
topics = ["${pick(topics)}"]
keywords = ["${esc(pick(fields))}", "${esc(place)}"]

[kind]
kind = "procedure"

[name]
vi = "${esc(vi)}"
en = "${esc(en)}"

[summary]
vi = "Thủ tục ${esc(pick(fields))} tại ${esc(place)}, thực hiện trực tuyến một phần."
en = "A generated procedure used only to measure search at national scale."

[agency]
level = "${level}"
[agency.name]
vi = "Sở ${esc(pick(fields))}"
en = "Department"
${ministry(level)}
[fees]
kind = "free"
confidence = "needs-check"
basis = "${BASIS}"

[processing_time]
confidence = "needs-check"
basis = "${BASIS}"
[processing_time.text]
vi = "${1 + rnd(20)} ngày làm việc"
en = "Working days"

# Benchmark data only (bench/out, never published): the catalogue check requires every
# fee and time to name a legal text, so these cite a real one, marked unconfirmed.
[[legal_basis]]
instrument = "${BASIS}"
role = "law"
confidence = "needs-check"
source = "https://thuvienphapluat.vn/van-ban/Quyen-dan-su/Luat-Cu-tru-2020-68-2020-QH14-444542.aspx"
[legal_basis.title]
vi = "Dữ liệu sinh tự động cho đo hiệu năng"
en = "Generated data for benchmarking"
`);
}
console.log(`wrote ${count} services (${real} real) to ${out}`);
