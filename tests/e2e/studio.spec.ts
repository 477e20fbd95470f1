import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, type Page } from '@playwright/test';
import { encodeLesson } from '../../src/lesson/share';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  goOfflineAfterOneVisit,
  watchConsole,
  widgetsDrawn,
} from './helpers';

/*
 * The instructor studio (#/studio), shared lessons (#/shared/<payload>) and whole lessons in an
 * LMS frame (embed.html#lesson=… / #shared=…), on the production build under its strict CSP.
 */

const FRONT = [
  '---',
  'id: my-class',
  'title: My class',
  'order: 1',
  'summary: A two-step lesson.',
  'objectives:',
  '  - Read a sigmoid',
  'minutes: 5',
  '---',
  '',
];
/** A lesson's source: the front matter (10 lines), then `lines`. */
const lessonOf = (...lines: string[]) => [...FRONT, ...lines].join('\n');
/** The course's address of the shared lesson whose source is `source`. */
const sharedLink = async (source: string) => `/#/shared/${await encodeLesson(source)}`;

/** Line 13 holds the widget: a misspelt attribute there is reported at line 13. */
const lessonWith = (widgetLine: string) =>
  lessonOf(
    '## The curve', // 11
    '', // 12
    widgetLine, // 13
    '',
    '## A question',
    '',
    '```exercise',
    'id: at-zero',
    'kind: numeric',
    'prompt: What is $\\sigma(0)$?',
    'answer: 0.5',
    'tolerance: 0.01',
    'hint: Where the curve crosses the middle.',
    'solution: One half.',
    '```',
    '',
  );
const GOOD = lessonWith('<nn-sigmoid-explorer weight="3"></nn-sigmoid-explorer>');
const BAD = lessonWith('<nn-sigmoid-explorer wieght="3"></nn-sigmoid-explorer>');

const studio = (page: Page) => page.locator('gt-studio');
const editor = (page: Page) => studio(page).locator('.cm-content');
const preview = (page: Page) => studio(page).locator('#pane-preview nn-lesson');

/** Select the whole text in the editor and type `text` over it, as a keyboard user would paste it. */
async function replaceText(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

/** CSP violations and script side effects, from every document the page opens. */
async function watchSafety(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.exposeFunction('__violation', (v: string) => found.push(v));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        (window as unknown as { __violation: (v: string) => void }).__violation(
          `${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} ${e.sample}`,
        ),
      true,
    );
  });
  page.on('console', (m) => {
    if (/content.security.policy/i.test(m.text())) found.push(m.text());
  });
  page.on('dialog', (d) => {
    found.push(`a dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  return found;
}

test('write a lesson with a mistake, see it at its line, fix it, share it, and a student solves it', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const noErrors = watchConsole(page);
  const violations = await watchSafety(page);
  await page.goto('/#/studio');
  await expect(editor(page)).toBeVisible({ timeout: 20_000 });

  // The mistake: reported in the list with the build's file:line, and in the gutter at line 13.
  await replaceText(page, BAD);
  const problems = studio(page).locator('.problems');
  await expect(problems).toContainText('lessons/01-my-class.md:13');
  await expect(problems).toContainText("unknown attribute 'wieght' on <nn-sigmoid-explorer>");
  const line13 = editor(page).locator('.cm-line').nth(12);
  await expect(line13.locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(editor(page).locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(studio(page).locator('.cm-gutter-lint .cm-lint-marker-error')).toHaveCount(1);

  // The list's button takes the cursor to the line; fix it there.
  await problems.getByRole('button', { name: 'Go to line 13' }).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.insertText('<nn-sigmoid-explorer weight="3"></nn-sigmoid-explorer>');
  await expect(problems).toContainText('No problems: the lesson compiles.');
  await expect(editor(page).locator('.cm-lintRange-error')).toHaveCount(0);

  // The live preview: the widget on step 1 (the cursor's step), the exercise on step 2.
  const widget = preview(page).locator('nn-sigmoid-explorer');
  await expect(widget).toHaveAttribute('weight', '3');
  await preview(page).getByRole('button', { name: 'Next →' }).click();
  await expect(preview(page).locator('nn-exercise')).toContainText('What is');

  // The draft survives a reload.
  await page.reload();
  await expect(editor(page)).toContainText('title: My class', { timeout: 20_000 });
  await expect(editor(page)).toContainText('weight="3"');

  // Share: the link opens the lesson for a student in a fresh browser.
  await studio(page).getByRole('button', { name: 'Make a share link' }).click();
  const link = await studio(page).getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#\/shared\/[A-Za-z0-9_-]+\/1$/);
  expect(violations).toEqual([]);
  noErrors();
  await context.close();

  const student = await browser.newContext();
  const s = await student.newPage();
  const studentErrors = watchConsole(s);
  const studentViolations = await watchSafety(s);
  await s.goto(link);
  const lesson = s.locator('gt-app nn-lesson');
  await expect(lesson.getByRole('heading', { level: 1 })).toHaveText('My class');
  await expect(lesson.locator('nn-sigmoid-explorer')).toHaveAttribute('weight', '3');
  await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(s).toHaveURL(/#\/shared\/[A-Za-z0-9_-]+\/2$/);
  const exercise = lesson.locator('nn-exercise');
  await exercise.getByRole('textbox').fill('0.3');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise).toContainText('Where the curve crosses the middle.');
  await exercise.getByRole('textbox').fill('0.5');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise).toContainText('Correct: 0.5 is right.');
  // Progress is kept for this shared lesson.
  await s.reload();
  await expect(lesson.locator('nn-exercise')).toContainText('Solved.');
  // A teacher who received the link can edit a copy of it.
  await s.getByRole('button', { name: 'Edit a copy in the studio' }).click();
  await expect(editor(s)).toContainText('title: My class', { timeout: 20_000 });
  await expect(studio(s).locator('.problems')).toContainText('No problems');
  expect(studentViolations).toEqual([]);
  studentErrors();
  await student.close();
});

test('autocompletion offers the catalog’s attributes inside a widget tag', async ({ page }) => {
  await page.goto('/#/studio');
  await expect(editor(page)).toBeVisible({ timeout: 20_000 });
  await replaceText(page, lessonWith('<nn-neuron '));
  const options = studio(page).locator('.cm-tooltip-autocomplete li');
  await expect(options.first()).toBeVisible();
  const labels = await options.allTextContents();
  expect(labels.join(' ')).toContain('activation');
  expect(labels.join(' ')).toContain('bias');
});

test('a hostile shared lesson runs no script and breaks no policy; a damaged or huge link says so', async ({
  page,
}) => {
  const violations = await watchSafety(page);
  const hostile = lessonOf(
    '## Hello',
    '',
    '<img src=x onerror="window.__pwned = 1">',
    '<script>window.__pwned = 2</script>',
    '<iframe srcdoc="<script>parent.__pwned = 3</script>"></iframe>',
  );
  await page.goto(await sharedLink(hostile));
  const main = page.locator('gt-app main');
  await expect(main).toContainText('This shared lesson has a mistake');
  await expect(main).toContainText('shared lesson:13: <img> cannot be used in a shared lesson');
  await expect(main.locator('img, iframe, script')).toHaveCount(0);

  // A lesson that compiles, with links that try to run script: they are text or marked external.
  const links = lessonOf(
    '## Links',
    '',
    '[run](javascript:window.__pwned=4) [page](https://example.org/) <nn-neuron title="x&quot; onmouseover=&quot;window.__pwned=5"></nn-neuron>',
  );
  await page.goto(await sharedLink(links));
  const lesson = page.locator('gt-app nn-lesson');
  await expect(lesson.getByRole('heading', { level: 2 })).toHaveText('Links');
  await expect(lesson.locator('a[href^="javascript:"]')).toHaveCount(0);
  const external = lesson.getByRole('link', { name: /page/ });
  await expect(external).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(external).toHaveAttribute('target', '_blank');
  await lesson.locator('nn-neuron').hover();
  expect(await lesson.locator('nn-neuron').getAttribute('onmouseover')).toBeNull();
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();

  await page.goto('/#/shared/AQxx-damaged');
  await expect(main).toContainText('This link does not open a lesson');
  await expect(main).toContainText('is damaged');

  const bomb = await new Response(
    new Blob([new Uint8Array(10 * 1024 * 1024).fill(0x61)])
      .stream()
      .pipeThrough(new CompressionStream('deflate-raw')),
  ).arrayBuffer();
  const payload = Buffer.concat([Buffer.from([1]), Buffer.from(bomb)]).toString('base64url');
  await page.goto(`/#/shared/${payload}`);
  await expect(main).toContainText('too large to open: its text is over 256 KB');
  expect(violations).toEqual([]);
});

test('an LMS page hears the frame at the origin it named, and nothing without one', async ({
  page,
  baseURL,
}) => {
  const payload = await encodeLesson(GOOD);
  const frame = (hash: string) => `${baseURL}/embed.html#${hash}`;
  // The LMS: a page of another origin on this machine, served for real (Chromium lets no page it
  // cannot place on the network, such as a mocked one, frame a local one).
  const lmsPage = (lms: string) => `<!doctype html><meta charset="utf-8"><title>LMS</title>
    <iframe id="named" width="800" height="600" src="${frame(`shared=${payload}&parent-origin=${lms}`)}"></iframe>
    <iframe id="none" width="800" height="600" src="${frame(`shared=${payload}`)}"></iframe>
    <iframe id="other" width="800" height="600" src="${frame(`shared=${payload}&parent-origin=http://elsewhere.example`)}"></iframe>
    <iframe id="course" width="800" height="600" src="${frame(`lesson=sigmoid-neuron&parent-origin=${lms}`)}"></iframe>
    <script>
      window.heard = [];
      addEventListener('message', (e) => {
        const from = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
        window.heard.push({ frame: from ? from.id : '?', origin: e.origin, ...e.data });
      });
    </script>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(lmsPage(lms));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const lms = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await page.goto(`${lms}/course`);
  type Heard = { frame: string; origin: string; type: string } & Record<string, unknown>;
  const heard = () => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);
  const of = async (type: string, frameId = 'named') =>
    (await heard()).filter((m) => m.type === `gradient-trail:${type}` && m.frame === frameId);

  await expect.poll(async () => (await of('lesson-ready')).length).toBe(1);
  expect((await of('lesson-ready'))[0]).toMatchObject({
    origin: new URL(baseURL!).origin,
    lesson: 'shared:my-class',
    title: 'My class',
    stepCount: 2,
    exerciseCount: 1,
  });
  expect((await of('step-viewed'))[0]).toMatchObject({ step: 1, stepCount: 2, title: 'The curve' });
  await expect.poll(async () => (await of('lesson-ready', 'course')).length).toBe(1);
  expect((await of('lesson-ready', 'course'))[0]).toMatchObject({ lesson: 'sigmoid-neuron' });
  expect((await of('resize')).length).toBeGreaterThan(0);

  const named = page.frameLocator('#named').locator('nn-lesson');
  await named.getByRole('button', { name: 'Next →' }).click();
  await expect.poll(async () => (await of('step-viewed')).length).toBe(2);
  expect((await of('step-viewed'))[1]).toMatchObject({ step: 2, title: 'A question' });
  await expect.poll(async () => (await of('lesson-completed')).length).toBe(1);
  expect((await of('lesson-completed'))[0]).toMatchObject({
    score: 0,
    solved: 0,
    exerciseCount: 1,
  });

  const exercise = named.locator('nn-exercise');
  await exercise.getByRole('textbox').fill('0.2');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await exercise.getByRole('textbox').fill('0.5');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect.poll(async () => (await of('exercise-answered')).length).toBe(2);
  expect(
    (await of('exercise-answered')).map(({ correct, attempts, solved, exercise }) => ({
      correct,
      attempts,
      solved,
      exercise,
    })),
  ).toEqual([
    { exercise: 'at-zero', correct: false, attempts: 1, solved: false },
    { exercise: 'at-zero', correct: true, attempts: 2, solved: true },
  ]);
  await expect.poll(async () => (await of('lesson-completed')).at(-1)?.score).toBe(1);

  // The frames without an origin, or naming another one, posted nothing that arrived here.
  await page
    .frameLocator('#none')
    .locator('nn-lesson')
    .getByRole('heading', { level: 1 })
    .waitFor();
  await page
    .frameLocator('#other')
    .locator('nn-lesson')
    .getByRole('heading', { level: 1 })
    .waitFor();
  const strays = (await heard()).filter((m) => m.frame === 'none' || m.frame === 'other');
  expect(strays).toEqual([]);
  server.close();
});

test('the studio passes axe in light and dark, and fits a 375 px phone as two tabs', async ({
  browser,
}) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    // axe is injected as a script of the test's own, which the page's CSP would refuse.
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto('/#/studio');
    await expect(preview(page).getByRole('heading', { level: 1 })).toHaveText('My lesson', {
      timeout: 20_000,
    });
    await widgetsDrawn(page);
    await expectNoAxeViolations(page);
    await context.close();
  }
  const context = await browser.newContext({
    viewport: { width: 375, height: 800 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto('/#/studio');
  await expect(editor(page)).toBeVisible({ timeout: 20_000 });
  await expect(studio(page).locator('#pane-preview')).toBeHidden();
  await expectNoHorizontalScroll(page);
  // The tabs answer the arrow keys, as tabs do.
  await studio(page).getByRole('tab', { name: 'Edit' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(studio(page).getByRole('tab', { name: 'Preview' })).toBeFocused();
  await expect(studio(page).getByRole('tab', { name: 'Preview' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(editor(page)).toBeHidden();
  await expect(preview(page).locator('nn-sigmoid-explorer')).toBeVisible();
  await widgetsDrawn(page);
  await expectNoHorizontalScroll(page);
  await context.close();
});

test('the studio works offline after one visit to the course: editor, compiler worker, a course lesson to copy, a shared link', async ({
  page,
  context,
}) => {
  const noErrors = watchConsole(page);
  const link = await sharedLink(GOOD);
  await goOfflineAfterOneVisit(page, context);
  await page.goto('/#/studio');
  await expect(editor(page)).toBeVisible({ timeout: 20_000 });
  await studio(page)
    .getByRole('combobox', { name: 'Start a new draft from' })
    .selectOption({ label: 'A copy of lesson 3: The sigmoid neuron' });
  await studio(page).getByRole('button', { name: 'New draft' }).click();
  await expect(editor(page)).toContainText('id: sigmoid-neuron');
  await expect(preview(page).getByRole('heading', { level: 1 })).toHaveText('The sigmoid neuron');
  await expect(studio(page).locator('.problems')).toContainText('No problems');
  await page.goto(link);
  await expect(page.locator('gt-app nn-lesson').getByRole('heading', { level: 1 })).toHaveText(
    'My class',
  );
  await context.setOffline(false);
  noErrors();
});
