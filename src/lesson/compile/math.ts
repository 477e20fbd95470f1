/**
 * TeX math in Markdown, rendered to MathML at build time with temml (no math library at run time).
 *
 * Syntax (pandoc's rules, so that prices like "$5 and $10" stay text):
 * - `$…$` inline: the opening `$` is not followed by whitespace; the closing `$` is not preceded by
 *   whitespace nor followed by a digit; the first unescaped `$` after the opening one must close it.
 * - `$$…$$` display: on lines of its own (may span lines, no blank line inside), or inside a paragraph.
 * - `\$` is a literal dollar sign.
 *
 * The rules only find the math; `renderTex` turns it into MathML once the line is known, so that a
 * TeX error can name the line of the file.
 */
import temml from 'temml';
import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import { LessonError, type SourceRef } from './errors.ts';

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

/** The markdown-it env key under which the compiler passes the SourceRef of the text being parsed. */
export const ENV_KEY = 'lessonSource';

export function sourceOf(env: unknown): SourceRef {
  const ref = (env as Record<string, unknown> | undefined)?.[ENV_KEY] as SourceRef | undefined;
  return ref ?? { file: '<lesson>', lineBase: 0 };
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

function escapedAt(src: string, pos: number, min: number): boolean {
  let backslashes = 0;
  for (let i = pos - 1; i >= min && src.charCodeAt(i) === BACKSLASH; i--) backslashes++;
  return backslashes % 2 === 1;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos: start, posMax: max } = state;
  if (src.charCodeAt(start) !== DOLLAR) return false;

  if (src.charCodeAt(start + 1) === DOLLAR) {
    // $$…$$ inside a paragraph: display math.
    let end = src.indexOf('$$', start + 2);
    while (end >= 0 && escapedAt(src, end, start + 2)) end = src.indexOf('$$', end + 1);
    if (end < 0 || end + 2 > max || src.slice(start + 2, end).trim() === '') {
      if (!silent) state.pending += '$$';
      state.pos = start + 2;
      return true;
    }
    return acceptMath(state, silent, start, end, '$$');
  }

  if (start + 1 >= max || isSpace(src.charCodeAt(start + 1))) return false;
  let end = start + 1;
  for (;;) {
    end = src.indexOf('$', end);
    if (end < 0 || end >= max) return false;
    if (!escapedAt(src, end, start + 1)) break;
    end++;
  }
  if (isSpace(src.charCodeAt(end - 1)) || (end + 1 < max && isDigit(src.charCodeAt(end + 1))))
    return false;
  return acceptMath(state, silent, start, end, '$');
}

/**
 * The math from `start` (its opening `markup`) to `end` (its closing one) becomes one math_inline
 * token, display math for `$$`; the inline rule goes on after the closing delimiter.
 */
function acceptMath(
  state: StateInline,
  silent: boolean,
  start: number,
  end: number,
  markup: '$' | '$$',
): true {
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.content = state.src.slice(start + markup.length, end);
    token.markup = markup;
    token.meta = { offset: start, display: markup === '$$' };
  }
  state.pos = end + markup.length;
  return true;
}

function mathBlock(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  const lineText = (line: number) =>
    state.src
      .slice((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0), state.eMarks[line] ?? 0)
      .trimEnd();
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const first = lineText(startLine);
  if (!first.startsWith('$$')) return false;
  const rest = first.slice(2);
  const closeOnFirst = rest.indexOf('$$');
  // `$$ x $$ and more text` is display math inside a paragraph, left to the inline rule.
  if (closeOnFirst >= 0 && closeOnFirst !== rest.length - 2) return false;

  // The closing `$$` ends a line, before any blank or less indented line.
  let last = startLine;
  if (closeOnFirst < 0) {
    last = -1;
    for (let line = startLine + 1; line < endLine; line++) {
      const text = lineText(line);
      if (text === '' || (state.sCount[line] ?? 0) < state.blkIndent) break;
      if (text.endsWith('$$') && !escapedAt(text, text.length - 2, 0)) {
        last = line;
        break;
      }
    }
  }
  if (last < 0) {
    // Inside a paragraph, `text $$` + newline + `x $$` is display math the inline rule will find.
    if (silent) return false;
    const ref = sourceOf(state.env);
    throw new LessonError(
      ref.file,
      ref.lineBase + startLine + 1,
      "display math opened with '$$' is not closed: end it with '$$' (no blank lines inside display math).",
    );
  }
  if (silent) return true;

  const lines = [closeOnFirst >= 0 ? rest.slice(0, -2) : rest];
  for (let line = startLine + 1; line <= last; line++) lines.push(lineText(line));
  if (last > startLine) lines[lines.length - 1] = lines[lines.length - 1]!.slice(0, -2);
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = lines.join('\n');
  token.markup = '$$';
  token.map = [startLine, last + 1];
  token.meta = { display: true };
  state.line = last + 1;
  return true;
}

/**
 * Temml writes a few layout details as `style="…"` attributes, which the course's
 * Content-Security-Policy (`style-src 'self'`, vite.config.ts) refuses. Each declaration it writes
 * for our lessons becomes a class with the same rule in prose-styles.ts (null: a rule there does it
 * already); any other fails the build, to be added here.
 */
const STYLE_CLASSES: Readonly<Record<string, string | null>> = {
  'display:block math': null, // math[display='block']
  'padding-left:0em': 'tml-pl-0',
  'padding-right:0em': 'tml-pr-0',
  'padding-left:5.9776pt': 'tml-pl-sep',
  'padding-right:5.9776pt': 'tml-pr-sep',
  'math-depth:0': 'tml-md-0',
};

/** Temml's MathML with its style attributes turned into classes; the declarations it cannot turn. */
function styleAsClasses(mathml: string): { mathml: string; unknown: string[] } {
  const unknown: string[] = [];
  const out = mathml.replace(
    /<([a-z][a-z0-9]*)(\s[^<>]*?)(\/?)>/g,
    (tag, name: string, attrs: string, close: string) => {
      const style = / style="([^"]*)"/.exec(attrs);
      if (!style) return tag;
      const classes: string[] = [];
      for (const declaration of style[1]!.split(';')) {
        const d = declaration.replace(/\s+/g, ' ').trim();
        if (!d) continue;
        const cls = STYLE_CLASSES[d];
        if (cls === undefined) unknown.push(d);
        else if (cls) classes.push(cls);
      }
      let rest = attrs.replace(style[0], '');
      if (classes.length > 0) {
        const list = classes.join(' ');
        rest = / class="/.test(rest)
          ? rest.replace(/ class="([^"]*)"/, (_, c: string) => ` class="${c} ${list}"`)
          : `${rest} class="${list}"`;
      }
      return `<${name}${rest}${close}>`;
    },
  );
  return { mathml: out, unknown };
}

/** Renders TeX to MathML, or throws a LessonError at `line` that shows the TeX and temml's complaint. */
export function renderTex(tex: string, display: boolean, file: string, line: number): string {
  const delimiter = display ? '$$' : '$';
  let mathml: string;
  try {
    mathml = temml.renderToString(tex, { displayMode: display, throwOnError: true, trust: false });
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    // temml appends " at position N: <excerpt with combining underlines>"; the excerpt is noise here.
    const reason = raw
      .replace(/\s+at (?:position \d+|end of input):[\s\S]*$/, '')
      .replace(/^\s*(?:ParseError:)?\s*/, '');
    throw new LessonError(
      file,
      line,
      `TeX error in ${delimiter}${tex}${delimiter}: ${reason}. Fix the TeX (temml supports the usual LaTeX math ` +
        "commands), or write '\\$' for a literal dollar sign.",
    );
  }
  const result = styleAsClasses(mathml);
  if (result.unknown.length > 0) {
    throw new LessonError(
      file,
      line,
      `${delimiter}${tex}${delimiter} needs the inline style ${result.unknown.map((d) => `"${d}"`).join(', ')}, ` +
        "which the course's Content-Security-Policy refuses: give it a class in STYLE_CLASSES " +
        '(src/lesson/compile/math.ts) and a rule in src/lesson/prose-styles.ts, or write the TeX another way.',
    );
  }
  return result.mathml;
}

/** The class of the span that keeps inline math and the punctuation touching it on one line. */
export const MATH_GLUE_CLASS = 'math-glue';

/**
 * Core rule: inline math and the characters touching it without a space — "($y = 1$)," — go into
 * one `<span class="math-glue">` that does not wrap. A browser may break a line between "(" and a
 * `<math>` element (it is an atomic inline), which on a phone leaves a lone "(" at a line end or
 * a "?" at the start of the next.
 */
function glueMath(state: StateCore): void {
  const Tok = state.Token;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    const children = block.children;
    for (let i = 0; i < children.length; i++) {
      const token = children[i]!;
      const display = (token.meta as { display?: boolean } | null)?.display;
      if (token.type !== 'math_inline' || display) {
        out.push(token);
        continue;
      }
      const prev = out[out.length - 1];
      const next = children[i + 1];
      const before = prev?.type === 'text' ? (/\S+$/.exec(prev.content)?.[0] ?? '') : '';
      const after = next?.type === 'text' ? (/^\S+/.exec(next.content)?.[0] ?? '') : '';
      if (!before && !after) {
        out.push(token);
        continue;
      }
      const text = (content: string) => {
        const t = new Tok('text', '', 0);
        t.content = content;
        return t;
      };
      if (before) {
        prev!.content = prev!.content.slice(0, -before.length);
        if (prev!.content === '') out.pop();
      }
      out.push(new Tok('math_glue_open', 'span', 1));
      if (before) out.push(text(before));
      out.push(token);
      if (after) {
        out.push(text(after));
        next!.content = next!.content.slice(after.length);
        if (next!.content === '') i++;
      }
      out.push(new Tok('math_glue_close', 'span', -1));
    }
    block.children = out;
  }
}

/** markdown-it plugin: adds `math_inline` and `math_block` tokens; their `meta.html` holds the MathML. */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', mathInline);
  md.block.ruler.after('fence', 'math_block', mathBlock, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.core.ruler.push('math_glue', glueMath);
  md.renderer.rules.math_glue_open = () => `<span class="${MATH_GLUE_CLASS}">`;
  md.renderer.rules.math_glue_close = () => '</span>';
  const html = (meta: unknown) => (meta as { html?: string } | null)?.html;
  md.renderer.rules.math_inline = (tokens, idx, _options, env) => {
    const token = tokens[idx]!;
    const meta = token.meta as { display: boolean } | null;
    return html(meta) ?? renderTex(token.content, meta?.display ?? false, sourceOf(env).file, 0);
  };
  md.renderer.rules.math_block = (tokens, idx, _options, env) => {
    const token = tokens[idx]!;
    return (html(token.meta) ?? renderTex(token.content, true, sourceOf(env).file, 0)) + '\n';
  };
}
