import { test, expect, type Page } from '@playwright/test';
import { courseLesson, goOfflineAfterOneVisit, openStep, watchConsole } from './helpers';

/*
 * Lesson 11's digits on the production build: the 7.9 MB asset is downloaded only where
 * <nn-digits> is shown, and after one visit the lesson trains offline from the service worker's
 * precache.
 */

const digits = courseLesson('handwritten-digits');
const digitsStep = digits.steps.findIndex((s) => s.html.includes('<nn-digits')) + 1;

/** Every request for the digits asset the page makes from now on. */
function assetRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (/mnist-digits[^/]*\.bin$/.test(r.url())) urls.push(r.url());
  });
  return urls;
}

test.describe('without a service worker (which would precache everything)', () => {
  test.use({ serviceWorkers: 'block' });
  test('the digits are downloaded only by the lesson step that shows <nn-digits>', async ({
    page,
  }) => {
    const noErrors = watchConsole(page);
    const requests = assetRequests(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(
      page.getByRole('article', { name: `Lesson ${digits.order}: ${digits.title}` }),
    ).toBeVisible();
    // Another lesson with a training widget, and the digits lesson's first step (no widget).
    await page.goto('/#/lesson/training-a-network/1');
    await expect(page.locator('nn-network-trainer').first()).toBeVisible();
    await openStep(page, digits, 1);
    expect(requests).toEqual([]);
    // The step with the widget: one download, and the untrained network is read.
    await page.goto(`/#/lesson/${digits.id}/${digitsStep}`);
    const status = page.locator('nn-digits [part~="status"]');
    await expect(status).toContainText('Untrained: test accuracy', { timeout: 30_000 });
    expect(requests).toHaveLength(1);
    noErrors();
  });
});

test('lesson 11 trains offline after one visit', async ({ page, context }) => {
  test.setTimeout(120_000);
  const noErrors = watchConsole(page);
  await goOfflineAfterOneVisit(page, context);
  // Never opened online: the lesson, the widget's code and the digits all come from the precache.
  await page.goto(`/#/lesson/${digits.id}/${digitsStep}`);
  await expect(page.getByText('Offline — the course still works')).toBeVisible();
  const el = page.locator('nn-digits');
  const status = el.locator('[part~="status"]');
  await expect(status).toContainText('Untrained: test accuracy', { timeout: 30_000 });
  await expect(el.locator('.matrix g.cell')).toHaveCount(100);
  await el.getByRole('button', { name: 'Train' }).click();
  await expect(status).toContainText(/Epoch \d/);
  await el.getByRole('button', { name: 'Pause' }).click();
  await expect(status).toContainText('paused');
  await context.setOffline(false);
  noErrors();
});
