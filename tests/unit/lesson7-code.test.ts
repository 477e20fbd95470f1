/**
 * Lesson 7 shows students the heart of src/math/mlp.ts's backward pass, "lightly trimmed". This
 * keeps that copy true: every line of code the lesson shows must be a line of `MLP.backward`, in
 * the same order. The lesson may leave lines out, and it may differ only in what a reader does not
 * run: whitespace, `//` comments (its own notes instead of the source's), and TypeScript's non-null
 * assertions (`a[i]!`). Change either side and this fails, naming the line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LESSON = 'lessons/07-backpropagation.md';
const SOURCE = 'src/math/mlp.ts';
const METHOD = 'backward';

interface Line {
  /** 1-based line in its file. */
  line: number;
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };
const decode = (html: string) =>
  html.replace(/&(lt|gt|amp|quot|#39);/g, (_, e: string) => ENTITIES[e]!);

/** The code as it runs: no comment, no non-null assertion, whitespace collapsed. */
function normalise(code: string): string {
  return code
    .replace(/\/\/.*$/, '')
    .replace(/(?<=[\w\])])!(?!=)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every code block of the lesson other than exercises: raw `<pre><code>` and fenced blocks. */
function codeBlocks(markdown: string): { label: string; lines: Line[] }[] {
  const blocks: { label: string; lines: Line[] }[] = [];
  const lineAt = (index: number) => markdown.slice(0, index).split('\n').length;
  for (const m of markdown.matchAll(/<pre([^>]*)><code>([\s\S]*?)<\/code><\/pre>/g)) {
    const first = lineAt(m.index + m[0].indexOf('<code>'));
    const label = /aria-label="([^"]*)"/.exec(m[1]!)?.[1] ?? '<pre> without a label';
    const lines = decode(m[2]!)
      .split('\n')
      .map((text, i) => ({ line: first + i, text }));
    blocks.push({ label, lines });
  }
  for (const m of markdown.matchAll(/^```(\S*)[^\n]*\n([\s\S]*?)^```/gm)) {
    if (m[1] === 'exercise') continue;
    const first = lineAt(m.index) + 1;
    const lines = m[2]!.split('\n').map((text, i) => ({ line: first + i, text }));
    blocks.push({ label: `fenced ${m[1] || 'code'} block`, lines });
  }
  return blocks;
}

/** The lines of `name`'s body in `source`, from its signature to its closing brace. */
function methodLines(source: string, name: string): Line[] {
  const all = source.split('\n');
  const start = all.findIndex((text) =>
    new RegExp(`^\\s*(private |public )?${name}\\(`).test(text),
  );
  if (start < 0) throw new Error(`${SOURCE} has no method ${name}(): update this test`);
  let depth = 0;
  for (let i = start; i < all.length; i++) {
    const code = all[i]!.replace(/\/\/.*$/, '');
    depth += (code.match(/\{/g) ?? []).length - (code.match(/\}/g) ?? []).length;
    if (depth === 0 && code.includes('}')) {
      return all.slice(start, i + 1).map((text, k) => ({ line: start + k + 1, text }));
    }
  }
  throw new Error(`${SOURCE}: ${name}() does not close`);
}

const lesson = readFileSync(LESSON, 'utf8');
const source = readFileSync(SOURCE, 'utf8');

describe(`${LESSON} shows ${SOURCE} as it is`, () => {
  const blocks = codeBlocks(lesson);

  it(`has one code block, the backward pass of ${SOURCE}`, () => {
    // A new code block needs its own source to be checked against: add it here.
    expect(blocks.map((b) => b.label)).toEqual([`The backward pass of ${SOURCE}`]);
  });

  it(`every line of its code is a line of ${METHOD}(), in order`, () => {
    const shown = blocks[0]!.lines.filter((l) => normalise(l.text) !== '');
    const method = methodLines(source, METHOD);
    // The lesson is not allowed to shrink to nothing: it shows the loops over the layers.
    expect(shown.length).toBeGreaterThanOrEqual(10);
    const problems: string[] = [];
    let at = 0; // index in `method` after the previous match
    for (const l of shown) {
      const want = normalise(l.text);
      const found = method.findIndex((m, k) => k >= at && normalise(m.text) === want);
      if (found >= 0) {
        at = found + 1;
        continue;
      }
      const elsewhere = method.find((m) => normalise(m.text) === want);
      const previous = at > 0 ? `${SOURCE}:${method[at - 1]!.line}` : `the start of ${METHOD}()`;
      problems.push(
        elsewhere
          ? `${LESSON}:${l.line} \`${l.text.trim()}\` is ${SOURCE}:${elsewhere.line}, out of order ` +
              `(the lesson's previous line is ${previous})`
          : `${LESSON}:${l.line} \`${l.text.trim()}\` is not a line of ${METHOD}() in ${SOURCE} ` +
              `after ${previous}`,
      );
    }
    expect(
      problems,
      "the lesson and the source have drifted apart: show the source's lines in the lesson, or " +
        "change the lesson's copy along with the source",
    ).toEqual([]);
  });
});
