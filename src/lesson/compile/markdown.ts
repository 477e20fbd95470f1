/**
 * The Markdown side of the compiler: one markdown-it instance (raw HTML on, math plugin), and a pass
 * over its tokens that renders the math and checks the widgets, each with the right line of the file.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Markdown, StateInline, Token } from 'markdown-it';
import { LessonError, type SourceRef } from './errors.ts';
import { ENV_KEY, mathPlugin, renderTex } from './math.ts';
import { checkBalance, checkHtml, malformed, type TagEvent } from './widgets.ts';
import { checkLink, isExternal, refuseImage, sanitizeHtml } from './untrusted.ts';

export type { Token };

/** Records where each inline HTML tag starts, so that a bad widget tag mid-paragraph gets its own line. */
function htmlInlineOffsets(md: Markdown): void {
  const ruler = md.inline.ruler;
  const original = ruler.__rules__[ruler.__find__('html_inline')]?.fn;
  if (!original) return;
  ruler.at('html_inline', (state: StateInline, silent: boolean) => {
    const start = state.pos;
    if (!original(state, silent)) return false;
    const token = state.tokens[state.tokens.length - 1];
    if (!silent && token?.type === 'html_inline') token.meta = { ...token.meta, offset: start };
    return true;
  });
}

function createMarkdown(): Markdown {
  // html: widgets are raw HTML. Links go through markdown-it's validateLink (no javascript: URLs).
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.use(mathPlugin);
  htmlInlineOffsets(md);
  const defaultFence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const id = (tokens[idx]!.meta as { exerciseId?: string } | null)?.exerciseId;
    if (id === undefined) {
      // A code block may be wider than a phone: it scrolls inside itself, so it must be reachable
      // and named for keyboard and screen-reader users (axe's scrollable-region-focusable).
      const lang = tokens[idx]!.info.trim().split(/\s+/)[0];
      return defaultFence(tokens, idx, options, env, self).replace(
        /^<pre>/,
        `<pre tabindex="0" role="region" aria-label="${lang ? `Code (${md.utils.escapeHtml(lang)})` : 'Code'}">`,
      );
    }
    return `<nn-exercise exercise-id="${md.utils.escapeHtml(id)}"></nn-exercise>\n`;
  };
  // A link out of a shared lesson says so to screen readers too (the prose styles draw an arrow).
  const defaultLinkClose =
    md.renderer.rules.link_close ??
    ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_close = (tokens, idx, options, env, self) =>
    ((tokens[idx]!.meta as { external?: boolean } | null)?.external
      ? '<span class="visually-hidden"> (another site, opens in a new tab)</span>'
      : '') + defaultLinkClose(tokens, idx, options, env, self);
  // A paragraph holding only widgets is not a paragraph: render the widgets bare.
  md.renderer.rules.widget_paragraph_open = () => '';
  md.renderer.rules.widget_paragraph_close = () => '\n';
  return md;
}

export const md = createMarkdown();

export function envFor(ref: SourceRef): Record<string, unknown> {
  return { [ENV_KEY]: ref };
}

export function parse(text: string, ref: SourceRef): Token[] {
  return md.parse(text, envFor(ref));
}

/** 1-based file line of a block token. */
export function lineOf(token: Token, ref: SourceRef): number {
  return ref.lineBase + (token.map?.[0] ?? 0) + 1;
}

const newlines = (text: string) => text.match(/\n/g)?.length ?? 0;
const offsetOf = (token: Token) => (token.meta as { offset?: number } | null)?.offset;

/**
 * Renders the math and checks the widget tags in `tokens`, in order. `onFence` sees each fenced block
 * (exercises). Returns the widget tags found, for `checkBalance`.
 */
export function prepare(
  tokens: Token[],
  ref: SourceRef,
  onFence: (token: Token) => void,
): TagEvent[] {
  const events: TagEvent[] = [];
  tokens.forEach((token, i) => {
    const line = lineOf(token, ref);
    switch (token.type) {
      case 'math_block':
        typeset(token, true, ref, line);
        break;
      case 'html_block':
        events.push(...prepareHtml(token, ref, line));
        break;
      case 'fence':
        onFence(token);
        break;
      case 'inline':
        events.push(...prepareInline(token, ref));
        if (
          tokens[i - 1]?.type === 'paragraph_open' &&
          tokens[i + 1]?.type === 'paragraph_close' &&
          widgetsOnly(token)
        ) {
          tokens[i - 1]!.type = 'widget_paragraph_open';
          tokens[i + 1]!.type = 'widget_paragraph_close';
        }
        break;
    }
  });
  return events;
}

/** A math token's TeX typeset to MathML, kept in its meta for the renderer; `line` for errors. */
function typeset(token: Token, display: boolean, ref: SourceRef, line: number): void {
  token.meta = { ...token.meta, html: renderTex(token.content, display, ref.file, line) };
}

/** A raw HTML token's widget tags, checked; in a shared lesson its HTML is sanitized too. */
function prepareHtml(token: Token, ref: SourceRef, line: number): TagEvent[] {
  const events = checkHtml(token.content, ref.file, line);
  if (ref.untrusted) token.content = sanitizeHtml(token.content, ref.file, line);
  return events;
}

function prepareInline(inline: Token, ref: SourceRef): TagEvent[] {
  const events: TagEvent[] = [];
  /** For each open link of a shared lesson, whether it goes to another site. */
  const links: boolean[] = [];
  // Lines are exact where a rule recorded the offset (math, HTML); elsewhere count the line breaks.
  let line = lineOf(inline, ref);
  for (const child of inline.children ?? []) {
    const offset = offsetOf(child);
    if (offset !== undefined)
      line = lineOf(inline, ref) + newlines(inline.content.slice(0, offset));
    switch (child.type) {
      case 'softbreak':
      case 'hardbreak':
        line++;
        break;
      case 'math_inline':
        typeset(child, (child.meta as { display?: boolean } | null)?.display ?? false, ref, line);
        break;
      case 'html_inline':
        events.push(...prepareHtml(child, ref, line));
        break;
      case 'image':
        if (ref.untrusted) refuseImage(ref.file, line);
        break;
      case 'link_open': {
        if (!ref.untrusted) break;
        const href = String(child.attrGet('href') ?? '');
        checkLink(href, ref.file, line);
        const external = isExternal(href);
        links.push(external);
        if (external) {
          child.attrSet('class', 'external');
          child.attrSet('target', '_blank');
          child.attrSet('rel', 'noopener noreferrer nofollow');
        }
        break;
      }
      case 'link_close':
        if (ref.untrusted && links.pop()) child.meta = { ...child.meta, external: true };
        break;
      case 'text':
        // A widget tag that markdown-it did not take for HTML (a stray quote, a missing '>').
        if (/<\/?nn-/i.test(child.content)) throw new LessonError(ref.file, line, malformed());
        break;
    }
  }
  return events;
}

function widgetsOnly(inline: Token): boolean {
  const children = inline.children ?? [];
  return (
    children.some((c) => c.type === 'html_inline') &&
    children.every(
      (c) =>
        (c.type === 'html_inline' && /^<\/?nn-/i.test(c.content)) ||
        c.type === 'softbreak' ||
        (c.type === 'text' && c.content.trim() === ''),
    )
  );
}

/** The plain text of an inline token (a heading): text, code, and the characters of any math. */
export function plainText(inline: Token): string {
  const parts = (inline.children ?? []).map((child) => {
    switch (child.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        return child.content;
      case 'softbreak':
      case 'hardbreak':
        return ' ';
      case 'math_inline': {
        const html = (child.meta as { html?: string } | null)?.html ?? child.content;
        return html
          .replace(/<[^>]*>/g, '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
      }
      default:
        return '';
    }
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function render(tokens: Token[], ref: SourceRef): string {
  return md.renderer.render(tokens, md.options, envFor(ref)).trim();
}

export function renderInline(inline: Token, ref: SourceRef): string {
  return md.renderer.renderInline(inline.children ?? [], md.options, envFor(ref)).trim();
}

/**
 * Renders Markdown found inside an exercise (a prompt, a hint, a choice) with the same checks as the
 * body. `inline`: a single paragraph is returned without its `<p>`.
 */
export function renderFragment(text: string, ref: SourceRef, inline = false): string {
  const tokens = parse(text, ref);
  const events = prepare(tokens, ref, (fence) => {
    if (fence.info.trim().split(/\s+/)[0] === 'exercise') {
      throw new LessonError(
        ref.file,
        lineOf(fence, ref),
        'an exercise block cannot be inside another exercise.',
      );
    }
  });
  checkBalance(events, ref.file);
  const [open, , close] = tokens;
  if (
    inline &&
    tokens.length === 3 &&
    open?.type === 'paragraph_open' &&
    close?.type === 'paragraph_close'
  ) {
    return renderInline(tokens[1]!, ref);
  }
  return render(tokens, ref);
}
