/** The studio's pure parts: completions from the catalog, drafts on the device, the cursor's step. */
import { describe, expect, it } from 'vitest';
import { completionsAt } from '../../src/app/studio/complete';
import { DraftStore, draftTitle, lessonFileName } from '../../src/app/studio/drafts';
import { stepAtLine, stepRanges } from '../../src/app/studio/model';
import { compileSource } from '../../src/app/studio/compile-source';
import { MemoryStorage } from '../../src/lesson/progress';
import { WIDGETS, widgetDoc } from '../../src/widgets/catalog';

/** Completions with the cursor at the `|` in `text`. */
function at(text: string) {
  const pos = text.indexOf('|');
  return completionsAt(text.replace('|', ''), pos);
}
const labels = (text: string) => at(text)?.options.map((o) => o.label);

describe('completions', () => {
  it('offers every widget tag after <, with its end tag', () => {
    const found = at('Text\n\n<nn-si|')!;
    expect(found.options.map((o) => o.label)).toEqual(WIDGETS.map((w) => w.tag));
    expect(found.from).toBe('Text\n\n<'.length);
    expect(found.options[0]!.apply).toBe(`${WIDGETS[0]!.tag}></${WIDGETS[0]!.tag}>`);
  });

  it("offers a widget's own attributes inside its tag, minus those written", () => {
    const own = widgetDoc('nn-sigmoid-explorer')!.attributes.map((a) => a.name);
    const found = labels('<nn-sigmoid-explorer weight="2" |')!;
    expect(found).toEqual(expect.arrayContaining(own.filter((n) => n !== 'weight')));
    expect(found).not.toContain('weight');
    expect(found).toContain('theme');
    expect(found).toContain('title');
  });

  it('offers the allowed values inside an attribute', () => {
    const mode = widgetDoc('nn-sigmoid-explorer')!.attributes.find((a) => a.values)!;
    expect(labels(`<nn-sigmoid-explorer ${mode.name}="|`)).toEqual(mode.values);
    const number = widgetDoc('nn-sigmoid-explorer')!.attributes.find(
      (a) => a.type === 'number' && a.min !== undefined,
    )!;
    expect(labels(`<nn-sigmoid-explorer ${number.name}="|`)).toEqual(
      expect.arrayContaining([String(number.default), String(number.min), String(number.max)]),
    );
  });

  it('offers nothing in plain text or after a closed tag', () => {
    expect(at('Just text |')).toBeNull();
    expect(at('<nn-neuron></nn-neuron> and |')).toBeNull();
  });

  it("offers an exercise's keys by its kind, and the kinds after kind:", () => {
    const block = (...lines: string[]) => ['## Q', '', '```exercise', ...lines].join('\n');
    expect(labels(block('id: q', 'kind: numeric', '|'))).toEqual([
      'prompt',
      'answer',
      'tolerance',
      'hint',
      'solution',
      'attempts',
    ]);
    expect(labels(block('id: q', 'kind: choice', 'prompt: x', '|'))).toContain('choices');
    expect(labels(block('kind: |'))).toEqual(['numeric', 'choice', 'predict']);
    // After the block is closed, its keys are no longer offered.
    expect(at(block('id: q', 'kind: numeric', '```', '|'))).toBeNull();
  });
});

describe('drafts', () => {
  const clock = () => {
    let t = Date.UTC(2026, 0, 1);
    return () => new Date((t += 1000));
  };

  it('keep every draft across a new store (a reload), the last changed first', () => {
    const storage = new MemoryStorage();
    const drafts = new DraftStore(storage, 'k', clock());
    const a = drafts.create('---\ntitle: A\n---\n').draft;
    const b = drafts.create('---\ntitle: B\n---\n').draft;
    expect(drafts.update(a.id, '---\ntitle: A2\n---\n')).toEqual({ ok: true });
    const reloaded = new DraftStore(storage, 'k');
    expect(reloaded.list().map((d) => draftTitle(d.source))).toEqual(['A2', 'B']);
    expect(reloaded.current?.id).toBe(a.id);
    reloaded.remove(a.id);
    expect(new DraftStore(storage, 'k').list().map((d) => d.id)).toEqual([b.id]);
  });

  it('say so when a save fails, and keep the text in the page', () => {
    const storage = new MemoryStorage();
    const drafts = new DraftStore(storage, 'k', clock());
    const { draft } = drafts.create('one');
    storage.setItem = () => {
      throw new DOMException('exceeded', 'QuotaExceededError');
    };
    const result = drafts.update(draft.id, 'two');
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/not being saved: storage on this device is full\. Download/),
    });
    expect(drafts.get(draft.id)?.source).toBe('two');
    expect(new DraftStore(null).create('x').saved).toEqual({
      ok: false,
      message: expect.stringMatching(/cannot be saved/),
    });
  });

  it('ignore damaged storage instead of failing', () => {
    const storage = new MemoryStorage();
    storage.setItem('k', '{not json');
    expect(new DraftStore(storage, 'k').list()).toEqual([]);
  });

  it('name the file as the course would', () => {
    expect(lessonFileName('---\nid: my-class\norder: 3\n---')).toBe('03-my-class.md');
    expect(lessonFileName('no front matter')).toBe('01-my-lesson.md');
    expect(draftTitle('---\ntitle: "Quoted"\n---')).toBe('Quoted');
    expect(draftTitle('')).toBe('Untitled lesson');
  });
});

describe('stepAtLine', () => {
  const text = [
    '---', // 1
    'id: x', // 2
    '---', // 3
    '## One', // 4
    '```', // 5
    '## not a step', // 6
    '```', // 7
    '## Two', // 8
    'text', // 9
  ].join('\n');
  it('counts the ## headings at or above the line, outside fenced blocks', () => {
    expect([1, 4, 6, 7, 8, 9].map((n) => stepAtLine(text, n))).toEqual([1, 1, 1, 1, 2, 2]);
  });
});

describe('compileSource (the studio worker)', () => {
  const front = [
    '---',
    'id: x',
    'title: X',
    'order: 1',
    'summary: S.',
    'objectives:',
    '  - O',
    'minutes: 1',
    '---',
    '',
  ];
  const text = (...body: string[]) => [...front, ...body].join('\n');

  it('lists one problem per step, each at its line with the build message, in line order', () => {
    const result = compileSource(
      text(
        '## One', // 11
        '',
        '<nn-neuron wieght="1"></nn-neuron>', // 13
        '',
        '## Two', // 15
        '',
        'Fine.',
        '',
        '## Three', // 19
        '',
        '<nn-nope></nn-nope>', // 21
        '<nn-neuron bias="99"></nn-neuron>', // 22: a second problem in step 3, found once 21 is fixed
      ),
      'lessons/01-x.md',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.line)).toEqual([13, 21]);
    expect(result.problems[0]!.message).toMatch(
      /^lessons\/01-x\.md:13: unknown attribute 'wieght' on <nn-neuron>/,
    );
    expect(result.problems[1]!.message).toMatch(/^lessons\/01-x\.md:21: unknown widget <nn-nope>/);
  });

  it('stops at a problem outside the steps (the front matter)', () => {
    const result = compileSource(
      ['---', 'id: x', '---', '## One', '<nn-nope></nn-nope>'].join('\n'),
      'f.md',
    );
    expect(result.ok ? [] : result.problems.map((p) => p.line)).toEqual([1]);
  });

  it('compiles a good lesson', () => {
    expect(compileSource(text('## One', '', 'Text.'), 'f.md').ok).toBe(true);
  });

  it('finds the lines of each step', () => {
    expect(stepRanges(text('## One', '```', '## not', '```', '## Two', 'x'))).toEqual([
      { from: 11, to: 14 },
      { from: 15, to: 16 },
    ]);
  });
});
