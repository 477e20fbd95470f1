import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { WIDGETS } from '../../src/widgets/catalog';
import { CSP } from '../../vite.config';
import { courseLessons, onEveryStep, widgetsDrawn } from './helpers';

/*
 * The build's strict Content-Security-Policy (CSP in vite.config.ts): every HTML page the build
 * writes carries it as a <meta http-equiv>, `vite preview` sends it as a header, and nothing the
 * course draws breaks it: every step of every lesson, the gallery and every widget alone in
 * embed.html, with no `securitypolicyviolation` event and no CSP message in the console. Styles
 * come only from files and constructed stylesheets; what varies is written through CSSOM.
 */

const lessons = courseLessons();

interface Violation {
  where: string;
  directive: string;
  blocked: string;
  sample: string;
  element: string;
  source: string;
}

const found: string[] = [];

let context: BrowserContext;
let page: Page;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await page.exposeFunction('__cspViolation', (v: Violation) => {
    found.push(
      `${v.where}: ${v.directive} refused ${v.blocked}${v.sample ? ` "${v.sample}"` : ''} ` +
        `on ${v.element} (${v.source})`,
    );
  });
  // In every document the page opens (course and embed.html), before any of its own scripts.
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const target = e.composedPath()[0];
        const el = target instanceof Element ? target : null;
        const host = el && (el.getRootNode() as ShadowRoot).host;
        const report = (window as unknown as { __cspViolation: (v: Violation) => void })
          .__cspViolation;
        void report({
          where: location.pathname + location.hash,
          directive: e.effectiveDirective,
          blocked: e.blockedURI || '(inline)',
          sample: e.sample.slice(0, 60),
          element: el ? `${host ? `${host.localName} > ` : ''}${el.localName}` : 'the document',
          source: `${e.sourceFile.replace(location.origin, '')}:${e.lineNumber}`,
        });
      },
      true,
    );
  });
  page.on('console', (m) => {
    // Chromium's own words, e.g. "Applying inline style violates the following Content Security
    // Policy directive 'style-src 'self''. Either … a hash ('sha256-…') … is required …".
    const text = m.text();
    if (!/content.security.policy/i.test(text)) return;
    const hash = /'sha256-[^']*'/.exec(text)?.[0];
    const { pathname, hash: route } = new URL(page.url());
    found.push(`console (${pathname}${route}): ${text.split('. ')[0]}${hash ? ` ${hash}` : ''}`);
  });
});

test.afterAll(async () => {
  await context.close();
});

/** What was refused since the last look, each distinct line once with its count; then forget it. */
function violations(): string[] {
  const counts = new Map<string, number>();
  for (const line of found.splice(0)) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts].map(([line, n]) => (n > 1 ? `${n}× ${line}` : line));
}

/** The CSP meta tag of a page as served, its content decoded, and whether it precedes the rest. */
function metaPolicy(html: string): { content: string | undefined; first: boolean } {
  const tag = /<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*>/i.exec(html);
  const content = tag ? /\scontent="([^"]*)"/.exec(tag[0])?.[1] : undefined;
  const decoded = content
    ?.replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const firstResource = html.search(/<script|<link|<style/i);
  return { content: decoded, first: !!tag && tag.index < firstResource };
}

test('every page the build writes carries the policy, and vite preview sends it', async ({
  request,
}) => {
  expect(CSP).toContain("style-src 'self';");
  expect(CSP).not.toContain('unsafe-inline');
  for (const path of ['/', '/embed.html']) {
    const response = await request.get(path);
    expect(response.ok(), path).toBe(true);
    const meta = metaPolicy(await response.text());
    expect(meta.content, `${path}: the meta tag's policy`).toBe(CSP);
    expect(meta.first, `${path}: the meta tag comes before any script or stylesheet`).toBe(true);
    expect(response.headers()['content-security-policy'], `${path}: the header`).toBe(CSP);
  }
});

test('every step of every lesson, styled, without a violation', async () => {
  test.setTimeout(150_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The page's own stylesheet (a file since the policy refuses inline <style>) is applied.
  expect(await page.evaluate(() => getComputedStyle(document.body).marginTop)).toBe('0px');
  let confetti = false;
  await onEveryStep(page, lessons, async (lesson, step) => {
    if (step === lesson.stepCount && !confetti) {
      // A first completion drops confetti, placed through CSSOM (styleMap), not style="…".
      const piece = page.locator('nn-lesson .confetti i').first();
      await expect(piece).toBeAttached();
      expect(await piece.evaluate((el: HTMLElement) => el.style.left)).toBe('0%');
      confetti = true;
    }
  });
  const seen = violations();
  expect(seen, seen.join('\n')).toEqual([]);
});

test('the gallery, every widget live, without a violation', async () => {
  await page.goto('/#/gallery');
  await expect(page.getByRole('heading', { level: 1, name: 'Widget gallery' })).toBeVisible();
  await widgetsDrawn(page);
  for (const w of WIDGETS) await expect(page.locator(w.tag).first()).toBeAttached();
  const seen = violations();
  expect(seen, seen.join('\n')).toEqual([]);
});

test('every widget alone in embed.html, without a violation', async () => {
  test.setTimeout(90_000);
  for (const w of WIDGETS) {
    await page.goto(`/embed.html#${w.tag}`);
    await expect(page.locator(`#frame > ${w.tag}`)).toBeAttached();
    await widgetsDrawn(page);
  }
  // The frame's stylesheet (src/embed/frame.css) is applied.
  expect(await page.evaluate(() => getComputedStyle(document.body).marginTop)).toBe('0px');
  const seen = violations();
  expect(seen, seen.join('\n')).toEqual([]);
});
