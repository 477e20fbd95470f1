/**
 * What the progress specs share to look at the browser's storage: the key the course keeps a
 * student's progress under, the document stored there, and a localStorage filled to its quota.
 */
import type { Page } from '@playwright/test';
import type { Progress } from '../../src/lesson/progress-data';
import { STORAGE_KEY } from '../../src/lesson/progress';

/** Where the course keeps a student's progress in localStorage. */
export const PROGRESS_KEY = STORAGE_KEY;

/** The text stored under the progress key, as it is (null when there is none). */
export const storedText = (page: Page): Promise<string | null> =>
  page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);

/** The progress document as stored now, parsed (`{}`, with no fields, when there is none). */
export const storedProgress = (page: Page): Promise<Progress> =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);

/**
 * Fill localStorage to its real quota with `filler-…` keys, so that every write that grows fails;
 * the number of keys written.
 */
export function fillStorage(page: Page): Promise<number> {
  return page.evaluate(() => {
    let size = 1 << 22;
    let i = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler-${i}`, 'x'.repeat(size));
        i++;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return i;
  });
}
