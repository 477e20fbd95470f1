// The studio's live preview (npm run bench -- studio), on the production build: for a 10-step
// lesson (each step with text, math, a widget and an exercise) and a copy of lesson 8, one
// keystroke at a time, the compile in the worker (as the studio reports it), the time from the
// keystroke to the preview's next painted frame less the studio's 150 ms typing pause, and the
// longest main-thread task while typing 40 characters at 25 ms apart (typing must never wait).
import { readFileSync } from 'node:fs';

const PAUSE_MS = 150;

/** A made-up lesson of `steps` steps, each with prose, math, a widget and an exercise. */
export function tenStepLesson(steps = 10) {
  const front = [
    '---',
    'id: bench-lesson',
    'title: Bench lesson',
    'order: 1',
    'summary: Ten steps.',
    'objectives:',
    '  - Measure',
    'minutes: 30',
    '---',
    '',
  ];
  const body = Array.from({ length: steps }, (_, i) =>
    [
      `## Step ${i + 1}: the sigmoid at $w = ${i + 1}$`,
      '',
      'A neuron computes $z = wx + b$ and passes it through $\\sigma(z) = \\frac{1}{1 + e^{-z}}$. '.repeat(
        4,
      ),
      '',
      "$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial \\hat y}\\,\\sigma'(z)\\,x$$",
      '',
      `<nn-sigmoid-explorer weight="${(i % 5) + 1}"></nn-sigmoid-explorer>`,
      '',
      '```exercise',
      `id: q-${i + 1}`,
      'kind: choice',
      'prompt: Which is $\\sigma(0)$?',
      'choices: ["$0$", "$\\\\tfrac12$", "$1$"]',
      'answer: 1',
      'hint: $e^0 = 1$.',
      'solution: $\\sigma(0) = 1/(1+1)$.',
      '```',
      '',
    ].join('\n'),
  );
  return [...front, ...body].join('\n');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function runStudioBench({ previewUrl, browser }) {
  const cases = [
    ['10 steps (made up)', tenStepLesson(10)],
    ['lesson 8 (copy)', readFileSync('lessons/08-training-a-network.md', 'utf8')],
  ];
  const rows = [];
  for (const [name, text] of cases) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: previewUrl });
    const page = await context.newPage();
    await page.goto(`${previewUrl}/#/studio`);
    const content = page.locator('gt-studio .cm-content');
    await content.waitFor();
    await content.click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('ControlOrMeta+v');
    const steps = await page
      .waitForFunction(
        (title) => {
          const lesson = document
            .querySelector('gt-app')
            .shadowRoot.querySelector('gt-studio')
            .shadowRoot.querySelector('#pane-preview nn-lesson')?.lesson;
          return lesson?.title === title && lesson.steps.length;
        },
        /^title:\s*(.*)$/m.exec(text)[1].trim(),
      )
      .then((h) => h.jsonValue());
    // A new paragraph at the end of the last step, so the preview shows the step being edited.
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    const compile = [];
    const update = [];
    for (let i = 0; i < 15; i++) {
      await page.evaluate(() => {
        const studio = document.querySelector('gt-app').shadowRoot.querySelector('gt-studio');
        const lesson = () => studio.shadowRoot.querySelector('#pane-preview nn-lesson');
        const before = lesson().lesson;
        const t0 = performance.now();
        window.__previewUpdated = new Promise((resolve, reject) => {
          const given = setTimeout(
            () => reject(new Error('the preview did not update in 5 s')),
            5000,
          );
          const tick = () => {
            const el = lesson();
            if (el.lesson !== before) {
              clearTimeout(given);
              void el.updateComplete.then(() =>
                requestAnimationFrame(() => resolve(performance.now() - t0)),
              );
            } else requestAnimationFrame(tick);
          };
          tick();
        });
      });
      await page.keyboard.type(i % 2 ? 'y' : 'x');
      update.push((await page.evaluate(() => window.__previewUpdated)) - PAUSE_MS);
      const status = await page.locator('gt-studio .preview-status').innerText();
      compile.push(Number(/compiled in (\d+) ms/.exec(status)?.[1] ?? NaN));
    }
    // Long tasks while the keys are pressed, and in the 600 ms after (the preview's update).
    await page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask' });
      window.__typingStart = performance.now();
    });
    await page.keyboard.type(' some more words while the preview keeps up', { delay: 25 });
    const typingEnd = await page.evaluate(() => performance.now() - window.__typingStart);
    await page.waitForTimeout(600);
    const tasks = await page.evaluate(() =>
      window.__tasks.map(([start, duration]) => [start - window.__typingStart, duration]),
    );
    const longestIn = (from, to) =>
      Math.round(Math.max(0, ...tasks.filter(([t]) => t >= from && t < to).map(([, d]) => d)));
    rows.push({
      lesson: name,
      steps,
      'compile ms (median)': median(compile),
      'compile ms (max)': Math.max(...compile),
      'keystroke → preview ms, less the 150 ms pause (median)': Math.round(median(update)),
      'longest task while typing (ms)': longestIn(0, typingEnd),
      'longest task after (the preview, ms)': longestIn(typingEnd, Infinity),
    });
    await context.close();
  }
  console.log('\nThe studio: one keystroke to the preview (production build):');
  console.table(rows);
}
