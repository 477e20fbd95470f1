import { test, expect, type Page } from '@playwright/test';
import { courseLesson, expectOnStep, openStep, watchConsole } from './helpers';
import { fillStorage, PROGRESS_KEY, storedProgress, storedText } from './storage';

const sigmoid = courseLesson('sigmoid-neuron');

/** 3 MB of broken JSON, as the issue reports: a progress record cut off mid-way. */
const DAMAGED = `{"format":"gradient-trail-progress","version":1,"lessons":{${'"x":1,'.repeat(520_000)}`;

/**
 * Put the damaged record under the progress key and fill the rest of storage, so that there is
 * no room for a copy of it in localStorage (what a 5 MB quota does to 3 MB of data).
 */
async function damageAndFill(page: Page): Promise<void> {
  await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [PROGRESS_KEY, DAMAGED]);
  expect(await fillStorage(page)).toBeGreaterThan(0);
}

/** The copies kept in the course's IndexedDB database, name → text. */
function databaseCopies(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('gradient-trail');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('damaged-progress')) return resolve({});
          const tx = db.transaction('damaged-progress');
          const store = tx.objectStore('damaged-progress');
          const keys = store.getAllKeys();
          const values = store.getAll();
          tx.oncomplete = () => {
            const out: Record<string, string> = {};
            keys.result.forEach((k, i) => (out[String(k)] = values.result[i].text));
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  return Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
}

test('3 MB of damaged progress with no room for a copy is kept in IndexedDB before it is replaced, and the notice says so', async ({
  page,
}) => {
  const noErrors = watchConsole(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await damageAndFill(page);
  await page.reload();

  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(alert).toContainText('Your saved progress could not be read');
  await expect(alert).toContainText(
    "There was no room for a copy in storage, so a copy was kept in this browser's database (IndexedDB) as “gradient-trail:progress:damaged:",
  );
  await expect(alert).toContainText('and progress starts afresh.');

  // What the notice says is true: the copy is in the database, whole, and not in localStorage.
  const copies = await databaseCopies(page);
  expect(Object.keys(copies)).toHaveLength(1);
  expect(Object.values(copies)[0]).toBe(DAMAGED);
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':damaged:'))),
  ).toEqual([]);
  // Only now was the record replaced, by fresh progress.
  await expect
    .poll(async () => (await storedProgress(page)).format)
    .toBe('gradient-trail-progress');

  // The student can download it from the notice.
  expect(
    await downloaded(page, () => alert.getByRole('button', { name: 'Download it' }).click()),
  ).toBe(DAMAGED);

  // After a reload there is no notice, and the course map still offers the copy.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage))
      if (k.startsWith('filler-')) localStorage.removeItem(k);
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const kept = page.getByRole('region', { name: 'Damaged progress kept' });
  await expect(kept).toContainText('in the browser’s database');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await downloaded(page, () => kept.getByRole('button', { name: 'Download' }).click())).toBe(
    DAMAGED,
  );
  noErrors();
});

test('damaged progress that cannot be copied anywhere is left in place until the student replaces it', async ({
  page,
}) => {
  // A browser without a usable IndexedDB (blocked, or private mode in some browsers).
  await page.addInitScript(() => {
    Object.defineProperty(IDBFactory.prototype, 'open', {
      value() {
        throw new DOMException('IndexedDB is disabled', 'InvalidStateError');
      },
    });
  });
  // Damaged from a page of the site that is not the course, so no running course writes over it.
  await page.goto('/icons/logo.svg');
  await damageAndFill(page);
  await openStep(page, sigmoid, 1);

  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(alert).toContainText(
    'No copy of it could be made in this browser, so it is left as it was, and progress is not saved until you choose: download it to keep it, then replace it.',
  );
  expect(await storedText(page)).toBe(DAMAGED);
  await page.keyboard.press('ArrowRight');
  await expectOnStep(page, sigmoid, 2);
  expect(await storedText(page)).toBe(DAMAGED);

  expect(
    await downloaded(page, () => alert.getByRole('button', { name: 'Download it' }).click()),
  ).toBe(DAMAGED);
  await alert.getByRole('button', { name: 'Replace it' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The damaged progress was replaced' }),
  ).toBeVisible();
  expect((await storedProgress(page)).lessons[sigmoid.id]!.seen).toEqual([1, 2]);
});
