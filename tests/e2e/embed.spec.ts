import { existsSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { COMMON_ATTRIBUTES, WIDGETS } from '../../src/widgets/catalog';
import { watchConsole, widgetsDrawn } from './helpers';

const HOSTILE_CSS = `
  * { box-sizing: content-box !important; line-height: 3 !important; font-size: 22px !important; }
  svg, canvas { max-width: 10px !important; }
  input, button, select { display: none !important; }
  div { padding: 17px; border: 3px dotted red; }
  body { font-family: "Comic Sans MS", cursive; color: #0f0; background: #222; }
`;

/** A foreign host page, served at the same origin as the build so it can load the bundle. */
async function hostPage(page: Page, body: string): Promise<void> {
  await page.route('**/__host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>${HOSTILE_CSS}</style></head><body>${body}</body></html>`,
    }),
  );
  await page.goto('/__host.html');
}

const allWidgets = WIDGETS.map((w) => `<div><${w.tag} id="w-${w.tag}"></${w.tag}></div>`).join(
  '\n',
);

test('the script-tag bundle places every widget on a hostile page, each sized and interactive', async ({
  page,
}) => {
  const noErrors = watchConsole(page);
  await page.setViewportSize({ width: 1000, height: 900 });
  await hostPage(
    page,
    `<script type="module" src="/embed/gradient-trail.js"></script>\n${allWidgets}`,
  );
  // Sizes are read once, after every widget has drawn (its charts come frames after its code).
  await widgetsDrawn(page);
  for (const w of WIDGETS) {
    const el = page.locator(`#w-${w.tag}`);
    await expect(el).toBeVisible();
    const box = (await el.boundingBox())!;
    expect(box.width, `${w.tag} width`).toBeGreaterThan(250);
    expect(box.height, `${w.tag} height`).toBeGreaterThan(120);
    // The host's `input, button { display: none }` does not reach inside: a control is usable.
    const control = el.locator('button, input, select, [tabindex="0"]').first();
    await expect(control, `${w.tag} has a visible control`).toBeVisible();
    // Its first graphic, passing over decorative aria-hidden ones (a legend's swatch) where the
    // widget has another.
    const shown = el.locator('svg:not([aria-hidden="true"]), canvas, table');
    const graphic = (await shown.count()) > 0 ? shown.first() : el.locator('svg').first();
    const g = (await graphic.boundingBox())!;
    expect(g.width, `${w.tag} graphic width`).toBeGreaterThan(40);
  }
  // Interactive: the Embed menu of the first widget opens and its snippet reflects the state.
  const first = page.locator('#w-nn-sigmoid-explorer');
  await first.evaluate((el) => el.setAttribute('weight', '3'));
  await first.getByText('Embed', { exact: true }).click();
  await expect(first.getByRole('textbox', { name: /Script tag/ })).toHaveValue(
    /<script type="module" src="http:\/\/localhost:\d+\/embed\/gradient-trail\.js"><\/script>\n<nn-sigmoid-explorer[^>]* weight="3"/,
  );
  await expect(first.getByRole('textbox', { name: /Iframe/ })).toHaveValue(
    /<iframe src="http:\/\/localhost:\d+\/embed\.html#nn-sigmoid-explorer\?[^"]*weight=3/,
  );
  noErrors();
});

test('two copies of the bundle on one page do not throw', async ({ page }) => {
  const noErrors = watchConsole(page);
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  // A second, separate copy of the whole bundle (every module at another URL), as when two
  // instructors' snippets end up on one page.
  await page.route('**/copy2/embed/**', async (route) => {
    const url = route.request().url().replace('/copy2/', '/');
    await route.fulfill({ response: await route.fetch({ url }) });
  });
  await hostPage(
    page,
    `<script type="module" src="/embed/gradient-trail.js"></script>
     <script type="module" src="/copy2/embed/gradient-trail.js"></script>
     <nn-sigmoid-explorer weight="2"></nn-sigmoid-explorer>`,
  );
  await expect(page.locator('nn-sigmoid-explorer svg').first()).toBeVisible();
  // The second copy has run (its warning has come), and the widget has drawn since: anything
  // either copy got wrong would have been reported by then.
  const twice = () =>
    warnings.filter((w) => w.includes('nn-sigmoid-explorer') && w.includes('already defined'));
  await expect.poll(() => twice().length).toBeGreaterThan(0);
  await widgetsDrawn(page);
  await expect(page.locator('nn-sigmoid-explorer svg path.curve')).toHaveAttribute('d', /^M/);
  noErrors();
  expect(twice()).toHaveLength(1);
});

test('every widget works in an iframe (embed.html), configured from the URL', async ({ page }) => {
  const noErrors = watchConsole(page);
  await page.setViewportSize({ width: 1000, height: 900 });
  await hostPage(
    page,
    WIDGETS.map(
      (w) =>
        `<iframe src="/embed.html#${w.tag}" title="${w.tag}" width="900" height="700"></iframe>`,
    ).join('\n'),
  );
  for (const w of WIDGETS) {
    const frame = page.frameLocator(`iframe[title="${w.tag}"]`);
    await expect(frame.locator(w.tag)).toBeVisible();
    await expect(
      frame.locator(`${w.tag} svg, ${w.tag} canvas, ${w.tag} table`).first(),
    ).toBeVisible();
  }
  await page.goto('/embed.html#nn-sigmoid-explorer?weight=2.5&derivative=&theme=dark');
  const el = page.locator('nn-sigmoid-explorer');
  await expect(el).toHaveAttribute('weight', '2.5');
  await expect(el).toHaveAttribute('theme', 'dark');
  await expect(el.getByRole('checkbox', { name: /derivative/i })).toBeChecked();
  noErrors();
});

test('an unknown tag or attribute in the iframe URL shows the valid ones and runs no script', async ({
  page,
}) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('/embed.html#nn-nope?x=1');
  await expect(
    page.getByRole('heading', { name: 'There is no widget called “nn-nope”.' }),
  ).toBeVisible();
  for (const w of WIDGETS) await expect(page.getByText(new RegExp(`^${w.tag} — `))).toBeVisible();

  await page.goto('/embed.html#nn-sigmoid-explorer?onload=alert(1)&weight=2');
  await expect(
    page.getByRole('heading', { name: '<nn-sigmoid-explorer> has no attribute “onload”.' }),
  ).toBeVisible();
  const doc = WIDGETS.find((w) => w.tag === 'nn-sigmoid-explorer')!;
  for (const a of [...doc.attributes, ...COMMON_ATTRIBUTES]) {
    await expect(page.getByText(new RegExp(`^${a.name} \\(`))).toBeVisible();
  }

  await page.goto('/embed.html#' + encodeURIComponent('<img src=x onerror=alert(1)>'));
  await expect(
    page.getByRole('heading', {
      name: /There is no widget called “<img src=x onerror=alert\(1\)>”/,
    }),
  ).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);

  // A value is an attribute value, never markup.
  await page.goto(
    '/embed.html#nn-sigmoid-explorer?weight=' +
      encodeURIComponent('"><img src=x onerror=alert(1)>'),
  );
  await expect(page.locator('nn-sigmoid-explorer')).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('npm consumers get one module and type declarations per widget', () => {
  for (const w of WIDGETS) {
    const name = w.tag.replace(/^nn-/, '');
    expect(existsSync(`dist/embed/widgets/${name}.js`), `${name}.js`).toBe(true);
    expect(existsSync(`dist/types/widgets/${name}/index.d.ts`), `${name} types`).toBe(true);
  }
  expect(existsSync('dist/embed/gradient-trail.js')).toBe(true);
});
