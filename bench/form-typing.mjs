// Keystroke latency while typing into one field of a large form.
import { launch } from '../e2e/browser.mjs';
import { stats, typeAndTime } from './lib.mjs';

const WORDS = ['Nguyễn Văn An', 'Tran Thi Binh', '0912345678', 'Số 12 ngõ 34 phố Huế'];

export async function measureFormTyping(url, fieldId, readySelector) {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(url);
    await page.waitForSelector(readySelector, { timeout: 60_000 });
    await typeAndTime(page, fieldId, ['warm up']);
    return stats(await typeAndTime(page, fieldId, WORDS));
  } finally {
    await browser.close();
  }
}

/// The portal's 300-question benchmark form (src/pages/gallery.rs), typing into question
/// 151 (a text question), as for the peer.
export async function measurePortalFormTyping(portal) {
  return measureFormTyping(`${portal}/gallery/large-form`, 'f-f150', '#f-f299');
}
