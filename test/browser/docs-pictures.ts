// Pictures for docs/images/, taken only when `npm run screenshots` asks for them
// (EARSHOT_UPDATE_SCREENSHOTS=1). A plain test run leaves the repository as it was and spends no
// time on pictures nobody looks at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

const IMAGES = fileURLToPath(new URL('../../docs/images/', import.meta.url));

const takingDocsPictures = Boolean(process.env.EARSHOT_UPDATE_SCREENSHOTS);

/**
 * docs/images/`name`: of a part of a page (scrolled into view, animations finished) or of the
 * whole page (`fullPage` for its full height).
 */
export async function docsPicture(what: Locator | Page, name: string, { fullPage = false } = {}): Promise<void> {
  if (!takingDocsPictures) return;
  mkdirSync(IMAGES, { recursive: true });
  const file = path.join(IMAGES, name);
  if ('scrollIntoViewIfNeeded' in what) {
    await what.scrollIntoViewIfNeeded();
    await what.screenshot({ path: file, animations: 'disabled' });
  } else await what.screenshot({ path: file, animations: 'disabled', fullPage });
}
