// The sandbox identity provider's pages: bilingual, no script, readable on a 360 px
// screen, with labelled fields and an error summary in the GOV.UK pattern.

export function escape(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  }[c]));
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;color:#0b0c0c;line-height:1.4}
header{background:#8a1c1c;color:#fff;padding:.75rem 1rem}
main{max-width:36rem;padding:1rem}
label{display:block;font-weight:600;margin-top:1rem}
input{font-size:1.1rem;padding:.4rem;border:2px solid #0b0c0c;width:100%;max-width:20rem;box-sizing:border-box}
button{font-size:1.1rem;padding:.5rem 1rem;margin-top:1rem;background:#00703c;color:#fff;border:0}
button.secondary{background:#f3f2f1;color:#0b0c0c}
[role=alert]{border:4px solid #d4351c;padding:.75rem;margin:1rem 0}
.error{color:#d4351c;font-weight:600}
table{border-collapse:collapse;margin-top:.5rem}
td,th{border-bottom:1px solid #b1b4b6;padding:.25rem .5rem;text-align:left}
:focus{outline:3px solid #fd0}
`;

function page(title, body) {
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body>
<header><strong>VNeID (thử nghiệm / sandbox)</strong></header>
<main>
${body}
</main>
</body>
</html>`;
}

const KIND = {
  citizen: 'Công dân / Citizen',
  business: 'Người đại diện doanh nghiệp / Business representative',
};

export function loginPage({ uid, accounts, password, error = false, idNumber = '' }) {
  const rows = accounts.map((a) => `<tr><td>${escape(a.full_name)}</td><td>${escape(a.id_number)}</td><td>${escape(KIND[a.kind] || a.kind)}</td></tr>`).join('\n');
  const summary = error ? `<div role="alert" aria-labelledby="error-title">
<h2 id="error-title">Có lỗi cần sửa / There is a problem</h2>
<ul><li><a href="#id_number">Số định danh hoặc mật khẩu không đúng / The ID number or password is wrong</a></li></ul>
</div>` : '';
  const described = error ? 'id-hint id-error' : 'id-hint';
  return page('Đăng nhập VNeID thử nghiệm / Sandbox VNeID sign-in', `
<h1>Đăng nhập bằng tài khoản định danh điện tử (thử nghiệm)</h1>
<p lang="en">Sign in with an electronic identity account (sandbox)</p>
<p>Đây là nhà cung cấp định danh thử nghiệm thay cho VNeID. Mọi tài khoản đều là giả. / This is a sandbox identity provider standing in for VNeID. Every account is invented.</p>
${summary}
<form method="post" action="/interaction/${escape(uid)}/login" novalidate>
<label for="id_number">Số định danh cá nhân / Personal ID number</label>
<p id="id-hint">12 chữ số / 12 digits</p>
${error ? '<p id="id-error" class="error">Lỗi: số định danh hoặc mật khẩu không đúng / Error: the ID number or password is wrong</p>' : ''}
<input id="id_number" name="id_number" inputmode="numeric" autocomplete="username" spellcheck="false" value="${escape(idNumber)}" aria-describedby="${described}"${error ? ' aria-invalid="true"' : ''}>
<label for="password">Mật khẩu / Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Đăng nhập / Sign in</button>
</form>
<form method="post" action="/interaction/${escape(uid)}/cancel">
<button type="submit" class="secondary">Hủy / Cancel</button>
</form>
<h2>Tài khoản thử nghiệm / Test accounts</h2>
<p>Mật khẩu của mọi tài khoản / Every account's password: <code>${escape(password)}</code></p>
<table>
<thead><tr><th scope="col">Họ và tên / Name</th><th scope="col">Số định danh / ID number</th><th scope="col">Loại / Kind</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`);
}

export function logoutPage(form) {
  return page('Đăng xuất / Sign out', `
<h1>Đăng xuất khỏi VNeID thử nghiệm?</h1>
<p lang="en">Sign out of the sandbox VNeID too?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Đăng xuất / Sign out</button>
<button type="submit" form="op.logoutForm" class="secondary">Giữ đăng nhập VNeID / Stay signed in to VNeID</button>`);
}

export function signedOutPage() {
  return page('Đã đăng xuất / Signed out', `
<h1>Bạn đã đăng xuất</h1>
<p lang="en">You have signed out.</p>`);
}
