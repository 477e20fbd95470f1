/**
 * A shared lesson is someone else's text: compiled with `untrusted: true`, it may produce only the
 * course's own elements (src/lesson/compile/untrusted.ts). Each hostile lesson below either fails
 * with a message at its line, or compiles to HTML with nothing that could run or restyle the page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LessonError, compileLesson } from '../../src/lesson/compile';
import type { Lesson } from '../../src/lesson/types';
import { thrownBy } from './fixtures/errors';
import { frontMatter, lessonFile } from './fixtures/lessons';

const FILE = 'shared lesson';
/** Front matter of 9 lines: the first body line is line 10. */
const FRONT = frontMatter('shared-test', 'Shared');
const lesson = (...body: string[]) => lessonFile(FRONT, ...body);
const shared = (source: string) => compileLesson(source, { file: FILE, untrusted: true });

const errorOf = (source: string): LessonError => thrownBy(() => shared(source), LessonError);

/** All the HTML a compiled lesson puts on the page. */
function allHtml(compiled: Lesson): string {
  return [
    ...compiled.steps.flatMap((s) => [s.html, s.titleHtml]),
    ...Object.values(compiled.exercises).flatMap((e) => [
      e.prompt,
      e.solution,
      ...e.hints,
      ...(e.kind === 'numeric' ? [] : e.choices),
      ...(e.kind === 'predict' ? [e.reveal] : []),
    ]),
  ].join('\n');
}

/** Parses the HTML the way a browser would (tags and attributes) to list elements and attributes. */
function elementsOf(html: string): { tag: string; attributes: string[] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({
    tag: m[1]!.toLowerCase(),
    attributes: [...m[2]!.matchAll(/\s([^\s"'=/>]+)(?:="[^"]*")?/g)].map((a) =>
      a[1]!.toLowerCase(),
    ),
  }));
}

describe('a shared lesson refuses raw HTML at its line', () => {
  const cases: [string, string[], number, RegExp][] = [
    ['a script tag', ['## Step', '', '<script>alert(1)</script>'], 12, /<script> cannot be used/],
    ['an img with onerror', ['## Step', '', 'Look: <img src=x onerror="alert(1)">'], 12, /<img>/],
    [
      'an iframe with srcdoc',
      ['## Step', '', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
      12,
      /<iframe>/,
    ],
    ['SVG with a script', ['## Step', '', '<svg><script>alert(1)</script></svg>'], 12, /<svg>/],
    ['a style element', ['## Step', '', '<style>body { display: none }</style>'], 12, /<style>/],
    [
      'a link element',
      ['## Step', '', 'text', '', '<link rel="stylesheet" href="https://evil.example/x.css">'],
      14,
      /<link>/,
    ],
    ['a bold tag inline', ['## Step', '', 'Some <b>bold</b> text.'], 12, /<b>/],
    [
      'HTML after a widget in one block',
      ['## Step', '', '<nn-neuron></nn-neuron><object data="x"></object>'],
      12,
      /<object>/,
    ],
    [
      'a comment that ends at once',
      ['## Step', '', '<!--><img src=x onerror=alert(1)>-->'],
      12,
      /raw HTML|<img>/,
    ],
    ['a processing instruction', ['## Step', '', 'a <?xml x?> b'], 12, /raw HTML|'<'/],
  ];
  for (const [name, body, line, message] of cases) {
    it(name, () => {
      const error = errorOf(lesson(...body));
      expect(error.line).toBe(line);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/^shared lesson:\d+: .*cannot be used in a shared lesson/);
    });
  }

  it('an inert element takes only its harmless attributes', () => {
    const html = allHtml(
      shared(
        lesson(
          '## Step',
          '',
          '<details>',
          '<summary>More</summary>',
          '',
          'Folded text.',
          '',
          '</details>',
          '',
          '<pre tabindex="0" role="region" aria-label="Code"><code>x &lt; 1</code></pre>',
        ),
      ),
    );
    expect(html).toContain('<details>\n<summary>More</summary>');
    expect(html).toContain(
      '<pre tabindex="0" role="region" aria-label="Code"><code>x &lt; 1</code></pre>',
    );
    for (const [attribute, line] of [
      ['onclick="x()"', 12],
      ['style="color:red"', 12],
      ['tabindex="5"', 12],
      ['class="x"', 12],
    ] as const) {
      const error = errorOf(lesson('## Step', '', `<pre ${attribute}><code>x</code></pre>`));
      expect(error.line).toBe(line);
      expect(error.message).toMatch(
        /the attribute '(onclick|style|tabindex|class)' on <pre> cannot be used/,
      );
    }
  });

  it('event handlers and style on a widget are unknown attributes', () => {
    expect(
      errorOf(lesson('## Step', '', '<nn-neuron onclick="alert(1)"></nn-neuron>')).message,
    ).toMatch(/unknown attribute 'onclick' on <nn-neuron>/);
    expect(
      errorOf(lesson('## Step', '', '<nn-neuron style="position:fixed;inset:0"></nn-neuron>'))
        .message,
    ).toMatch(/unknown attribute 'style'/);
  });

  it('a javascript: or data: link stays text; another scheme is refused; an image is refused', () => {
    const html = allHtml(
      shared(
        lesson('## Step', '', '[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=)'),
      ),
    );
    expect(html).not.toMatch(/href/);
    expect(allHtml(shared(lesson('## Step', '', '[c](vbscript:msgbox)')))).not.toMatch(/href/);
    expect(errorOf(lesson('## Step', '', '[d](ftp://example.org/x)')).message).toMatch(
      /'ftp:' link/,
    );
    expect(errorOf(lesson('## Step', '', '![x](https://example.org/a.png)')).message).toMatch(
      /an image/,
    );
  });

  it('raw HTML in an exercise prompt or hint is refused at its line', () => {
    const error = errorOf(
      lesson(
        '## Step',
        '',
        '```exercise',
        'id: q',
        'kind: numeric',
        'prompt: What is 1 + 1?',
        'answer: 2',
        'hint: <img src=x onerror=alert(1)>',
        'solution: Two.',
        '```',
      ),
    );
    expect(error.line).toBe(17);
    expect(error.message).toMatch(/<img>/);
  });

  it('TeX cannot make links or styles', () => {
    for (const tex of [
      '\\href{javascript:alert(1)}{x}',
      '\\htmlStyle{color:red}{x}',
      '\\url{javascript:x}',
    ]) {
      let html = '';
      try {
        html = allHtml(shared(lesson('## Step', '', `$${tex}$`)));
      } catch (error) {
        expect(error).toBeInstanceOf(LessonError);
        continue;
      }
      expect(html).not.toMatch(/javascript:|href=|style=/i);
    }
  });

  it('10 MB of text is refused at once, with its size', () => {
    const huge = lesson('## Step', '', 'x'.repeat(10 * 1024 * 1024));
    const started = performance.now();
    const error = errorOf(huge);
    expect(performance.now() - started).toBeLessThan(200);
    expect(error.line).toBe(1);
    expect(error.message).toMatch(
      /too large to open \(10\d{3} KB of text; a shared lesson holds up to 512 KB\)/,
    );
  });
});

describe('what a shared lesson may produce', () => {
  const source = lesson(
    '## A widget, math and a link',
    '',
    'Text with $\\sigma(0)$ and [a page](https://example.org/page) and [a step](#/lesson/loss/2).',
    '',
    '<!-- a note for the author -->',
    '<nn-sigmoid-explorer weight="2" bias=\'-1\' derivative></nn-sigmoid-explorer>',
    '',
    '```exercise',
    'id: q',
    'kind: choice',
    'prompt: Which?',
    'choices: [one, two]',
    'answer: 1',
    'hint: Think of <nn-neuron></nn-neuron>',
    'solution: Two.',
    '```',
  );

  it('keeps widgets, exercises, math and links, and nothing else', () => {
    const compiled = shared(source);
    const html = allHtml(compiled);
    const allowedTags =
      /^(nn-[a-z-]+|p|a|span|math|m[a-z]+|semantics|annotation|code|pre|em|strong)$/;
    for (const { tag, attributes } of elementsOf(html)) {
      expect(tag).toMatch(allowedTags);
      for (const attribute of attributes) expect(attribute).not.toMatch(/^on|^style$|^srcdoc$/);
    }
    expect(html).not.toContain('<!--');
    expect(html).toContain(
      '<nn-sigmoid-explorer weight="2" bias="-1" derivative></nn-sigmoid-explorer>',
    );
    expect(html).toContain('<nn-exercise exercise-id="q"></nn-exercise>');
    expect(compiled.widgets).toEqual(['nn-sigmoid-explorer', 'nn-neuron']);
  });

  it('marks a link to another site and leaves a link into the course alone', () => {
    const html = allHtml(shared(source));
    expect(html).toContain(
      '<a href="https://example.org/page" class="external" target="_blank" rel="noopener noreferrer nofollow">a page<span class="visually-hidden"> (another site, opens in a new tab)</span></a>',
    );
    expect(html).toContain('<a href="#/lesson/loss/2">a step</a>');
  });

  it("compiles every course lesson's widgets and exercises the same as the course does, bar raw HTML", () => {
    // The course's own compile of the same text is unchanged by the untrusted rules.
    const trusted = compileLesson(source, { file: FILE });
    expect(allHtml(trusted)).toContain('<!-- a note for the author -->');
    expect(allHtml(trusted)).not.toContain('class="external"');
  });
});

describe("the course's own lessons", () => {
  const dir = new URL('../../lessons/', import.meta.url);
  const files = readdirSync(dir).filter((f) => /^\d{2}-.*\.md$/.test(f));
  it.each(files)(
    '%s opens as a shared lesson, as the course shows it (a copy in the studio works)',
    (f) => {
      const source = readFileSync(new URL(f, dir), 'utf8');
      const course = compileLesson(source, { file: `lessons/${f}` });
      const copy = compileLesson(source, { file: `lessons/${f}`, untrusted: true });
      expect(copy.steps.map((s) => s.title)).toEqual(course.steps.map((s) => s.title));
      expect(copy.exercises).toEqual(course.exercises);
      expect(copy.widgets).toEqual(course.widgets);
    },
  );
});
