import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { LessonError, compileLesson } from '../../src/lesson/compile';
import type {
  ChoiceExercise,
  Lesson,
  LessonMeta,
  NumericExercise,
  PredictExercise,
} from '../../src/lesson/types';
import {
  checkLessonFileName,
  checkLessonSet,
  lessonMeta,
  lessonsPlugin,
  virtualModuleCode,
  type LessonEntry,
} from '../../src/lesson/vite-plugin';
import { thrownBy } from './fixtures/errors';
import { frontMatter, lessonFile } from './fixtures/lessons';

const FILE = 'lessons/01-test.md';
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Front matter of 9 lines: the first body line is line 10 of the file. */
const FRONT = frontMatter('test-lesson', 'Test');
const lesson = (...body: string[]) => lessonFile(FRONT, ...body);
/** Replaces front-matter line `n` (1-based) with `text` (or removes it when null). */
const withFrontLine = (n: number, text: string | null, ...body: string[]) => {
  const front = [...FRONT];
  if (text === null) front.splice(n - 1, 1);
  else front[n - 1] = text;
  return lessonFile(front, ...body);
};

const compileError = (source: string): LessonError =>
  thrownBy(() => compileLesson(source, { file: FILE }), LessonError);

/** Asserts the error's line, that the message starts with file:line, and that it says each fragment. */
function expectError(source: string, line: number, ...fragments: (string | RegExp)[]): LessonError {
  const error = compileError(source);
  expect({ line: error.line, file: error.file }).toEqual({ line, file: FILE });
  expect(error.message.startsWith(`${FILE}:${line}: `)).toBe(true);
  for (const fragment of fragments) expect(error.message).toMatch(fragment);
  return error;
}

type Keys = Record<string, string | null>;

/** An exercise block: ```exercise, then one line per key in the order given (null: left out). */
const exerciseBlock = (keys: Keys) => [
  '```exercise',
  ...Object.entries(keys).flatMap(([k, v]) => (v === null ? [] : [`${k}: ${v}`])),
  '```',
];

const numericExercise = (overrides: Keys = {}) =>
  exerciseBlock({
    id: 'sigmoid-at-zero',
    kind: 'numeric',
    prompt: 'What is $\\sigma(0)$?',
    answer: '0.5',
    tolerance: '0.001',
    hint: 'Put $z = 0$ in.',
    solution: 'It is $1/2$.',
    ...overrides,
  });

const choiceExercise = (overrides: Keys = {}) =>
  exerciseBlock({
    id: 'pick',
    kind: 'choice',
    prompt: 'Pick.',
    choices: '[a, b, c]',
    answer: '0',
    hint: 'h',
    solution: 's',
    ...overrides,
  });

describe('compileLesson: a good lesson', () => {
  const compiled: Lesson = compileLesson(fixture('good-lesson.md'), {
    file: 'tests/unit/fixtures/good-lesson.md',
  });

  it('takes the meta from the front matter and counts steps, exercises and widgets', () => {
    expect(lessonMeta(compiled)).toEqual({
      id: 'fixture-lesson',
      title: 'A fixture lesson',
      order: 7,
      summary: 'Everything the compiler handles, once.',
      objectives: ['Read a weighted sum', 'Predict a curve'],
      minutes: 12,
      stepCount: 3,
      exerciseIds: ['sigmoid-at-zero', 'which-shift', 'steep'],
      widgets: ['nn-sigmoid-explorer'],
      file: 'tests/unit/fixtures/good-lesson.md',
    } satisfies LessonMeta);
  });

  it('splits steps at ## headings, with plain and HTML titles', () => {
    expect(compiled.steps.map((s) => s.title)).toEqual([
      'The weighted sum z=wx+b',
      'Exercises',
      'Predict',
    ]);
    expect(compiled.steps[0]!.titleHtml).toMatch(
      /^The weighted sum <math>.*<mi>w<\/mi>.*<\/math>$/,
    );
    expect(compiled.steps[1]!.titleHtml).toBe('Exercises');
    // ### stays a heading inside the step.
    expect(compiled.steps[0]!.html).toContain('<h3>A sub-heading is fine</h3>');
  });

  it('renders $…$ and $$…$$ to MathML, and leaves prices, \\$ and code alone', () => {
    const html = compiled.steps[0]!.html;
    expect(html).toMatch(/inputs: (<span class="math-glue">)?<math><mrow><mi>z<\/mi><mo>=<\/mo>/);
    expect(html).toMatch(/<math display="block"[^>]*>.*<mfrac>/);
    expect(html).toContain('It costs $5 and $10, not math.');
    expect(html).toContain('A literal $ sign');
    expect(html).toContain('<code>code with $x$</code>');
    expect(html).not.toContain('$$');
  });

  it('keeps widgets with their attributes, outside any <p>', () => {
    expect(compiled.steps[0]!.html).toContain(
      '\n<nn-sigmoid-explorer weight="2" bias="-1" derivative></nn-sigmoid-explorer>\n',
    );
    expect(compiled.steps[0]!.html).not.toContain('<p><nn-');
  });

  it('renders safe links only', () => {
    expect(compiled.steps[0]!.html).toContain('<a href="https://example.com">the docs</a>');
    expect(compiled.steps[0]!.html).not.toContain('href="javascript:');
  });

  it('replaces exercise blocks by <nn-exercise> and keeps other code blocks', () => {
    expect(compiled.steps[1]!.html).toBe(
      '<p>Try these.</p>\n<nn-exercise exercise-id="sigmoid-at-zero"></nn-exercise>\n' +
        '<p>Between the exercises.</p>\n<nn-exercise exercise-id="which-shift"></nn-exercise>',
    );
    expect(compiled.steps[2]!.html).toContain('<nn-exercise exercise-id="steep"></nn-exercise>');
    expect(compiled.steps[2]!.html).toContain(
      '<pre tabindex="0" role="region" aria-label="Code (js)"><code class="language-js">const notAnExercise = true;',
    );
  });

  it('extracts a numeric exercise with rendered Markdown and math', () => {
    const exercise = compiled.exercises['sigmoid-at-zero'] as NumericExercise;
    expect(exercise).toMatchObject({
      id: 'sigmoid-at-zero',
      kind: 'numeric',
      answer: 0.5,
      tolerance: 0.001,
      attempts: 3,
    });
    expect(exercise.prompt).toMatch(
      /^<p>What is <span class="math-glue"><math>.*<mi>σ<\/mi>.*<\/math>\?<\/span><\/p>$/,
    );
    expect(exercise.hints).toHaveLength(1);
    expect(exercise.hints[0]).toContain('<math>');
    expect(exercise.solution).toContain('<mfrac>');
  });

  it('extracts a choice exercise: choices inline, a list of hints, attempts', () => {
    const exercise = compiled.exercises['which-shift'] as ChoiceExercise;
    expect(exercise).toMatchObject({ kind: 'choice', answer: 0, attempts: 2 });
    expect(exercise.choices).toEqual([
      'Shifts the curve <strong>left</strong>',
      'Makes it steeper',
      expect.stringMatching(/^<math><mi>σ<\/mi><\/math> becomes linear$/),
    ]);
    expect(exercise.hints).toHaveLength(2);
  });

  it('extracts a predict exercise with its reveal widget', () => {
    const exercise = compiled.exercises.steep as PredictExercise;
    expect(exercise).toMatchObject({
      kind: 'predict',
      answer: 0,
      choices: ['It gets steeper', 'It gets flatter'],
    });
    expect(exercise.reveal).toBe('<nn-sigmoid-explorer weight="10"></nn-sigmoid-explorer>');
    expect(exercise.solution).toBe('<p>It gets steeper: close to a step.</p>');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
  });

  it('reads CRLF files with the same line numbers', () => {
    const source = lesson('## Step', '', 'Fine.', '', '<nn-nope></nn-nope>').replace(/\n/g, '\r\n');
    expect(compileError(source).line).toBe(14);
  });

  it('accepts global attributes, widgets in comments, and a comment before the first step', () => {
    const compiledLesson = compileLesson(
      lesson(
        '<!-- note: <nn-not-a-widget> here is only a comment -->',
        '## Step',
        '<nn-sigmoid-explorer class="wide" aria-label="Sigmoid" data-x="1" input="-2.5"></nn-sigmoid-explorer>',
      ),
      { file: FILE },
    );
    expect(compiledLesson.steps[0]!.html).toContain('aria-label="Sigmoid"');
  });

  it('keeps inline math on one line with the punctuation touching it, and only that', () => {
    const html = compileLesson(
      `---\nid: glue\ntitle: Glue\norder: 1\nsummary: s\nobjectives: [o]\nminutes: 1\n---\n\n` +
        `## Step\n\nA "yes" ($y = 1$), then $x$ alone, and **b**$z$. Or $a$/$b$?\n`,
      { file: 'glue.md' },
    ).steps[0]!.html;
    const glued = [...html.matchAll(/<span class="math-glue">(.*?)<\/span>/g)].map((m) =>
      m[1]!.replace(/<math>.*?<\/math>/g, 'M'),
    );
    // "(" before and ")," after the first; "." after $z$ (before it is a tag, not text); "/" after
    // $a$; "?" after $b$. $x$ has spaces on both sides: not wrapped.
    expect(glued).toEqual(['(M),', 'M.', 'M/', 'M?']);
    expect(html).toContain('then <math><mi>x</mi></math> alone');
  });

  it('renders $$…$$ inside a paragraph as display math', () => {
    const html = compileLesson(lesson('## Step', 'So $$z = wx + b$$ here.'), { file: FILE })
      .steps[0]!.html;
    expect(html).toMatch(/^<p>So <math display="block"[^>]*>.*<\/math> here\.<\/p>$/);
  });
});

/** [what is wrong, the lesson's source, the line its error names, what the message says] */
type ErrorCase = [string, string, number, ...(string | RegExp)[]];

/** One test per case: the source fails to compile with the error `expectError` describes. */
const errorCases = (cases: ErrorCase[]) =>
  it.each(cases)('%s', (_what, source, line, ...fragments) => {
    expectError(source, line, ...fragments);
  });

describe('compileLesson: front matter errors', () => {
  errorCases([
    [
      'a missing field',
      withFrontLine(5, null, '## Step'),
      1,
      "missing 'summary' in the front matter",
      /add 'summary:'/,
    ],
    [
      'a field of the wrong type',
      withFrontLine(4, 'order: three', '## Step'),
      4,
      "'order' in the front matter must be a whole number ≥ 1",
      '"three"',
    ],
    [
      'an order that is not a whole number',
      withFrontLine(4, 'order: 2.5', '## Step'),
      4,
      "'order'",
    ],
    ['an order of 0', withFrontLine(4, 'order: 0', '## Step'), 4, "'order'"],
    [
      'an id that is not kebab-case',
      withFrontLine(2, 'id: Sigmoid Neuron', '## Step'),
      2,
      "'id'",
      'kebab-case',
    ],
    [
      'an empty objectives list',
      withFrontLine(7, null, '## Step').replace('objectives:', 'objectives: []'),
      6,
      "'objectives'",
      'non-empty list',
    ],
    [
      'a non-string objective',
      withFrontLine(7, '  - [1, 2]', '## Step'),
      7,
      "'objectives' (item 1)",
    ],
    [
      'an unknown key, with a suggestion for a typo',
      withFrontLine(5, 'sumary: One line.', '## Step'),
      5,
      "unknown key 'sumary'",
      "did you mean 'summary'",
    ],
    [
      'an unknown key, listing the keys',
      lesson('## Step').replace('minutes: 5', 'minutes: 5\nauthor: me'),
      9,
      "unknown key 'author'",
      /The keys are: id, title/,
    ],
    [
      'a YAML syntax error, at its line',
      withFrontLine(3, 'title: The sigmoid: a neuron', '## Step'),
      3,
      'YAML syntax error in the front matter',
      'quote',
    ],
    ['no front matter', '## Step\n\nText.', 1, 'starts with YAML front matter'],
    ['front matter never closed', FRONT.slice(0, -1).join('\n'), 1, 'never closed'],
  ]);
});

describe('compileLesson: body errors', () => {
  errorCases([
    [
      'text before the first ##',
      lesson('', 'Welcome!', '', '## Step'),
      11,
      'put it under a ## heading: each ## starts a step',
    ],
    ['a lesson without any ##', lesson('', 'Only text.'), 11, 'no steps', "'## Step title'"],
    [
      'a # heading',
      lesson('## Step', '', '# Title'),
      12,
      "'#' heading",
      "'title' in the front matter",
    ],
    ['an empty step title', lesson('##', 'Text.'), 10, 'a step needs a title'],
  ]);
});

describe('compileLesson: widget errors', () => {
  const sigmoidTag = (attrs: string) =>
    lesson('## Step', `<nn-sigmoid-explorer ${attrs}></nn-sigmoid-explorer>`);
  errorCases([
    [
      'an unknown nn- tag in an HTML block, listing the widgets',
      lesson('## Step', '', '<nn-sigmoid-explorr></nn-sigmoid-explorr>'),
      12,
      'unknown widget <nn-sigmoid-explorr>',
      "did you mean 'nn-sigmoid-explorer'",
      'The widgets are: <nn-sigmoid-explorer>',
    ],
    [
      'an unknown nn- tag inline, on the second line of a paragraph',
      lesson('## Step', '', 'First line,', 'then <nn-graph></nn-graph> inline.'),
      13,
      'unknown widget <nn-graph>',
    ],
    [
      'an unknown nn- tag inside a multi-line HTML block',
      lesson('## Step', '', '<div>', '', '<p>x</p>', '<nn-foo></nn-foo>', '</div>'),
      15,
      '<nn-foo>',
    ],
    [
      'an unknown attribute on a known widget, naming the valid ones',
      lesson('## Step', '', '<nn-sigmoid-explorer weigth="2"></nn-sigmoid-explorer>'),
      12,
      "unknown attribute 'weigth' on <nn-sigmoid-explorer>",
      "did you mean 'weight'",
      'Its attributes are: weight, bias, input, derivative, mode, weight2, input2',
    ],
    [
      'an attribute on the third line of a tag',
      lesson(
        '## Step',
        '',
        'Look:',
        '<nn-sigmoid-explorer',
        '  weight="2"',
        '  slope="3"></nn-sigmoid-explorer>',
      ),
      15,
      "unknown attribute 'slope'",
    ],
    [
      'a number attribute that is not a number',
      sigmoidTag('weight="abc"'),
      11,
      "'weight' must be a number between -10 and 10",
      '"abc"',
    ],
    [
      'a number attribute out of its range',
      sigmoidTag('bias="11"'),
      11,
      "'bias' must be between -10 and 10; got 11",
    ],
    [
      'a boolean attribute with a value',
      sigmoidTag('derivative="false"'),
      11,
      "'derivative' is a boolean attribute",
      'write it bare',
    ],
    ['an attribute given twice', sigmoidTag('weight="1" weight="2"'), 11, "'weight' appears twice"],
    [
      'a hand-written <nn-exercise>',
      lesson('## Step', '<nn-exercise exercise-id="x"></nn-exercise>'),
      11,
      'write an exercise block',
    ],
    ['a hand-written <nn-lesson>', lesson('## Step', '<nn-lesson></nn-lesson>'), 11, '<nn-lesson>'],
    [
      'a self-closing widget',
      lesson('## Step', '<nn-sigmoid-explorer />'),
      11,
      'cannot close itself',
    ],
    [
      'a widget never closed',
      lesson('## Step', '', '<nn-sigmoid-explorer>', '', 'Text.'),
      12,
      'never closed',
      '</nn-sigmoid-explorer>',
    ],
    [
      'a widget tag that is not valid HTML',
      lesson('## Step', '', 'See', 'it: <nn-sigmoid-explorer weight="2></nn-sigmoid-explorer>'),
      13,
      'not valid HTML',
    ],
  ]);
});

describe('compileLesson: math errors', () => {
  errorCases([
    [
      'bad inline TeX, at its line within a paragraph',
      lesson('## Step', '', 'One,', 'two,', 'three: $\\frac{1}{$.'),
      14,
      'TeX error in $\\frac{1}{$',
      'Fix the TeX',
    ],
    [
      'bad TeX in a step title',
      lesson('## Step', 'Text.', '## About $\\sigmaa$'),
      12,
      'Unsupported function name: \\sigmaa',
    ],
    [
      'bad display TeX, at the line of its $$',
      lesson('## Step', '', '$$', 'x_1_2', '$$'),
      12,
      'TeX error in $$',
      'Double subscript',
    ],
    [
      'display math that is never closed',
      lesson('## Step', '', '$$', 'x + 1', '', 'Text.'),
      12,
      "display math opened with '$$' is not closed",
    ],
    [
      'bad TeX inside an exercise hint',
      lesson('## Step', ...numericExercise({ hint: '$\\oops$' })),
      17,
      'TeX error in $\\oops$',
    ],
  ]);
});

describe('compileLesson: exercise errors', () => {
  // The ```exercise line is line 11; keys follow in the order given.
  it('compiles the base exercise', () => {
    expect(
      compileLesson(lesson('## Step', ...numericExercise()), { file: FILE }).exerciseIds,
    ).toEqual(['sigmoid-at-zero']);
  });

  const inStep = (...block: string[]) => lesson('## Step', ...block);
  const numeric = (overrides: Keys) => inStep(...numericExercise(overrides));
  const choice = (overrides: Keys) => inStep(...choiceExercise(overrides));
  const predict = (reveal: string | null) =>
    inStep(
      ...exerciseBlock({
        id: 'guess',
        kind: 'predict',
        prompt: 'Guess.',
        choices: '[up, down]',
        answer: '1',
        hint: 'h',
        solution: 's',
        reveal,
      }),
    );
  errorCases([
    [
      'a missing answer',
      numeric({ answer: null }),
      11,
      "missing 'answer' in exercise 'sigmoid-at-zero'",
    ],
    ['a missing kind', numeric({ kind: null }), 11, "missing 'kind'"],
    [
      'an unknown kind',
      numeric({ kind: 'numerik' }),
      13,
      "'kind' in exercise 'sigmoid-at-zero' must be one of numeric, choice, predict",
      "did you mean 'numeric'",
    ],
    [
      'a numeric answer that is a word',
      numeric({ answer: 'half' }),
      15,
      "'answer'",
      'must be a number',
      '"half"',
    ],
    ['a numeric answer that is a fraction', numeric({ answer: '1/2' }), 15, "'answer'", '"1/2"'],
    ['a negative tolerance', numeric({ tolerance: '-0.1' }), 16, "'tolerance'"],
    [
      'a choice index out of range',
      choice({ answer: '3' }),
      16,
      "'answer' in exercise 'pick' is 3",
      'numbered from 0 to 2',
    ],
    ['too few choices', choice({ choices: '[only]' }), 15, "'choices'", 'at least 2'],
    [
      'a duplicate id, naming the first',
      inStep(...numericExercise(), '', ...numericExercise()),
      21,
      "exercise id 'sigmoid-at-zero' is already used by the exercise at line 11",
    ],
    [
      'a YAML syntax error, at its line',
      numeric({ solution: 'Put z = 0: the answer is 0.5.' }),
      18,
      'YAML syntax error in the exercise block',
      "quote a value that contains ': '",
    ],
    [
      'TeX in double quotes, with the fix',
      numeric({ prompt: '"What is $\\sigma(0)$?"' }),
      14,
      'single quotes',
    ],
    [
      'an unknown key',
      numeric({ hint: null, hints: 'h' }),
      18,
      "unknown key 'hints'",
      "did you mean 'hint'",
    ],
    [
      'a key of another kind',
      inStep(
        ...exerciseBlock({
          id: 'pick',
          kind: 'choice',
          prompt: 'P.',
          choices: '[a, b]',
          answer: '0',
          tolerance: '0.1',
          hint: 'h',
          solution: 's',
        }),
      ),
      17,
      "'tolerance' is not allowed",
      'kind: numeric',
    ],
    ['a missing hint', numeric({ hint: null }), 11, "missing 'hint'"],
    ['an empty hint', numeric({ hint: '[]' }), 17, "'hint'"],
    ['a missing solution', numeric({ solution: null }), 11, "missing 'solution'"],
    [
      'a predict exercise without reveal',
      predict(null),
      11,
      "missing 'reveal' in exercise 'guess'",
    ],
    [
      'a predict exercise with an unknown widget in its reveal',
      predict('<nn-nope></nn-nope>'),
      19,
      'unknown widget <nn-nope>',
    ],
    [
      'a block that is not a mapping',
      inStep('```exercise', '- a', '- b', '```'),
      11,
      'an exercise block holds YAML keys',
    ],
    [
      'an exercise block never closed',
      inStep(...numericExercise().slice(0, -1)),
      11,
      'never closed',
    ],
    [
      'a typo in the block type',
      inStep('```exercize', 'id: x', '```'),
      11,
      "unknown block type 'exercize'",
      "did you mean 'exercise'",
    ],
  ]);
});

describe('lessons plugin: cross-lesson checks', () => {
  const entry = (file: string, id: string, order: number): LessonEntry => {
    const source = lesson('## Step')
      .replace('id: test-lesson', `id: ${id}`)
      .replace('order: 1', `order: ${order}`);
    return { file, source, meta: lessonMeta(compileLesson(source, { file })) };
  };

  it('accepts NN-slug.md names only', () => {
    expect(() => checkLessonFileName('lessons/03-sigmoid-neuron.md')).not.toThrow();
    for (const bad of [
      'lessons/3-sigmoid.md',
      'lessons/03_sigmoid.md',
      'lessons/03-Sigmoid.md',
      'lessons/sigmoid.md',
    ]) {
      expect(() => checkLessonFileName(bad)).toThrow(/must look like NN-slug\.md/);
    }
  });

  it('rejects a duplicate id, naming both files, at the id line of the second', () => {
    const error = (() => {
      try {
        checkLessonSet([entry('lessons/01-a.md', 'same', 1), entry('lessons/02-b.md', 'same', 2)]);
      } catch (e) {
        return e as LessonError;
      }
      throw new Error('expected an error');
    })();
    expect(error).toBeInstanceOf(LessonError);
    expect(error.message).toBe(
      'lessons/02-b.md:2: duplicate id "same": lessons/01-a.md has id "same" too. Give each lesson its own id.',
    );
  });

  it('rejects a duplicate order', () => {
    expect(() =>
      checkLessonSet([entry('lessons/01-a.md', 'a', 4), entry('lessons/02-b.md', 'b', 4)]),
    ).toThrow(/^lessons\/02-b\.md:4: duplicate order 4: lessons\/01-a\.md has order 4 too/);
    expect(() =>
      checkLessonSet([entry('lessons/01-a.md', 'a', 1), entry('lessons/02-b.md', 'b', 2)]),
    ).not.toThrow();
  });
});

describe('the course lessons', () => {
  const dir = new URL('../../lessons/', import.meta.url);
  const files = readdirSync(dir).filter((name) => name.endsWith('.md'));

  it('all compile, with file names, ids and orders that the build accepts', () => {
    const entries = files.map((name): LessonEntry => {
      const file = `lessons/${name}`;
      const source = readFileSync(new URL(name, dir), 'utf8');
      checkLessonFileName(file);
      return { file, source, meta: lessonMeta(compileLesson(source, { file })) };
    });
    expect(() => checkLessonSet(entries)).not.toThrow();
    expect(entries.map((e) => e.file)).toContain('lessons/03-sigmoid-neuron.md');
  });

  it('the sigmoid lesson has steps and one exercise of each kind', () => {
    const sigmoid = compileLesson(readFileSync(new URL('03-sigmoid-neuron.md', dir), 'utf8'), {
      file: 'lessons/03-sigmoid-neuron.md',
    });
    expect(sigmoid.stepCount).toBeGreaterThanOrEqual(5);
    expect(new Set(Object.values(sigmoid.exercises).map((e) => e.kind))).toEqual(
      new Set(['numeric', 'choice', 'predict']),
    );
  });
});

describe('lessons plugin: virtual:lessons and the build', () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'lessons-test-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('exports metas sorted by order and loads each lesson lazily', async () => {
    const a = compileLesson(
      lesson('## A').replace('order: 1', 'order: 2').replace('test-lesson', 'second'),
      { file: 'x' },
    );
    const b = compileLesson(lesson('## B').replace('test-lesson', 'first'), { file: 'y' });
    writeFileSync(path.join(temp, 'a.mjs'), `export default ${JSON.stringify(a)};`);
    writeFileSync(path.join(temp, 'b.mjs'), `export default ${JSON.stringify(b)};`);
    const code = virtualModuleCode([
      { meta: lessonMeta(a), importPath: path.join(temp, 'a.mjs') },
      { meta: lessonMeta(b), importPath: path.join(temp, 'b.mjs') },
    ]);
    writeFileSync(path.join(temp, 'virtual.mjs'), code);
    const virtual = (await import(
      /* @vite-ignore */ path.join(temp, 'virtual.mjs')
    )) as typeof import('virtual:lessons');
    expect(virtual.lessons.map((l) => l.id)).toEqual(['first', 'second']);
    expect(virtual.lessons[0]).not.toHaveProperty('steps');
    expect((await virtual.loadLesson('second'))?.steps[0]?.title).toBe('A');
    expect(await virtual.loadLesson('nope')).toBeUndefined();
    expect(await virtual.loadLesson('constructor')).toBeUndefined();
  });

  async function buildLessons(files: Record<string, string>) {
    const root = mkdtempSync(path.join(temp, 'root-'));
    mkdirSync(path.join(root, 'lessons'));
    for (const [name, source] of Object.entries(files))
      writeFileSync(path.join(root, 'lessons', name), source);
    writeFileSync(
      path.join(root, 'main.js'),
      "import { lessons, loadLesson } from 'virtual:lessons';\nconsole.log(lessons, loadLesson);\n",
    );
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [lessonsPlugin({ dir: 'lessons' })],
      build: {
        outDir: 'dist',
        rollupOptions: { input: path.join(root, 'main.js') },
        minify: false,
      },
    });
    return readdirSync(path.join(root, 'dist', 'assets'));
  }

  it('builds one chunk per lesson', async () => {
    const chunks = await buildLessons({
      '01-one.md': lesson('## One').replace('test-lesson', 'one'),
      '02-two.md': lesson('## Two').replace('test-lesson', 'two').replace('order: 1', 'order: 2'),
    });
    expect(chunks.filter((c) => /^0[12]-(one|two)-.*\.js$/.test(c))).toHaveLength(2);
  });

  it('fails the build with file:line and the message', async () => {
    await expect(
      buildLessons({ '01-bad.md': lesson('## Step', '<nn-nope></nn-nope>') }),
    ).rejects.toThrow(/lessons\/01-bad\.md:11: unknown widget <nn-nope>/);
  });
});
