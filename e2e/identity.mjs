// Signing in as a person does: through the local OpenID provider's page, typing the
// sandbox account's personal ID number and password. Accounts are named by full name
// or subject, read from the same identity file the provider serves.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'smol-toml';

const ROOT = resolve(import.meta.dirname, '..');
export const PASSWORD = 'sandbox';
export const ACCOUNTS = parse(readFileSync(resolve(ROOT, 'crates/portal-server/sandbox-identities.toml'), 'utf8')).identities;

export function account(who) {
  const a = ACCOUNTS.find((i) => i.full_name === who || i.subject === who);
  if (!a) throw new Error(`no sandbox account ${who}`);
  return a;
}

/// On the provider's sign-in page (the portal sent the browser there): signs in as
/// `who` and waits until the browser is back on the portal at `origin`.
export async function signInAtProvider(page, who, origin) {
  await page.waitForURL('**/interaction/**');
  await page.getByLabel(/Số định danh cá nhân/).fill(account(who).id_number);
  await page.getByLabel(/Mật khẩu/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập / Sign in' }).click();
  await page.waitForURL((u) => u.toString().startsWith(origin));
}
