// The shared generator's default journey for each service open to an applicant, as
// `catalog-tool cases` prints it: the answers the e2e tests file over the API.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/// `identity` is the session's prefill; `applicant` is `citizen` or `business`.
export function cases(identity, applicant) {
  const dir = mkdtempSync(join(tmpdir(), 'cases-'));
  const file = join(dir, 'identity.json');
  writeFileSync(file, JSON.stringify(identity));
  const tool = process.env.CATALOG_TOOL_BIN;
  const args = ['cases', 'catalog', file, applicant];
  const out = tool && existsSync(tool)
    ? execFileSync(tool, args, { encoding: 'utf8' })
    : execFileSync('cargo', ['run', '-q', '-p', 'catalog-tool', '--', ...args], { encoding: 'utf8' });
  return JSON.parse(out);
}
