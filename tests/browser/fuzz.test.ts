import type { ReactiveElement } from 'lit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMON_ATTRIBUTES, WIDGETS, type AttributeDoc } from '../../src/widgets/catalog';
import { loadWidgets } from '../../src/widgets/loaders';
import { createRng } from '../../src/math/rng';
import { settle } from './settle';

/**
 * Hostile input: every documented attribute of every widget set to junk. No uncaught error, no
 * script runs, no NaN or Infinity on screen, and the widget still renders (its default or a message).
 */
const rng = createRng(2026);
const randomString = (n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(32 + rng.int(0x2fff))).join('');

const HOSTILE = [
  '',
  ' ',
  'abc',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e-320',
  '-0',
  '99999999999999999999',
  '-123456789',
  '0x1F',
  '1,5',
  '1 2; 3',
  ';;;',
  '[object Object]',
  'null',
  'undefined',
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  randomString(12),
  randomString(300),
];

declare global {
  interface Window {
    __pwned?: number;
  }
}

const uncaught: string[] = [];
const onError = (e: ErrorEvent) => uncaught.push(String(e.message));
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason));

beforeAll(() => {
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});
afterAll(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
});

/** Wait for the widget's update and its charts, drawn once measured in a later frame (settle.ts). */
const drawn = (el: Element): Promise<void> => settle(el as unknown as ReactiveElement);

describe.each(WIDGETS.map((w) => [w.tag, w] as const))(
  '%s under hostile attributes',
  (tag, doc) => {
    it('renders, runs no injected script and shows no NaN or Infinity', async () => {
      await loadWidgets([tag]);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        for (const value of HOSTILE) {
          const el = document.createElement(tag);
          // Free-text attributes (a label, an expression) may show what was typed: "Infinity" as
          // a variable name is the author's word, not a computed overflow.
          const echoed: string[] = [];
          const set = (a: AttributeDoc, v: string) => {
            el.setAttribute(a.name, v);
            if (a.type === 'string' && !a.values) echoed.push(v);
          };
          for (const a of [...doc.attributes, ...COMMON_ATTRIBUTES]) set(a, value);
          document.body.append(el);
          await drawn(el);
          // And change them once more while connected.
          for (const a of doc.attributes) set(a, HOSTILE[rng.int(HOSTILE.length)]!);
          await drawn(el);
          const root = el.shadowRoot!;
          expect(
            root.childElementCount,
            `${tag} rendered nothing for ${JSON.stringify(value)}`,
          ).toBeGreaterThan(0);
          const text = root.textContent ?? '';
          const around = (word: RegExp) =>
            text.match(new RegExp(`.{0,60}${word.source}.{0,30}`, 's'))?.[0];
          if (!echoed.some((v) => /NaN/.test(v)))
            expect(
              around(/\bNaN\b/),
              `${tag} shows NaN for ${JSON.stringify(value)}`,
            ).toBeUndefined();
          if (!echoed.some((v) => /Infinity/.test(v)))
            expect(
              around(/Infinity/),
              `${tag} shows Infinity for ${JSON.stringify(value)}`,
            ).toBeUndefined();
          expect(root.querySelector('img[onerror], script'), `${tag} injected markup`).toBeNull();
          el.remove();
        }
        expect(window.__pwned).toBeUndefined();
        expect(error.mock.calls.map((c) => String(c[0]))).toEqual([]);
        expect(uncaught).toEqual([]);
      } finally {
        warn.mockRestore();
        error.mockRestore();
      }
    }, 60_000);
  },
);
