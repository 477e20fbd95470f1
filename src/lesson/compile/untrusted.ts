/**
 * The rules for someone else's lesson (a shared link, the studio's preview): its Markdown may
 * produce only the course's own elements — `nn-*` widgets with their documented attributes,
 * exercises, math and plain Markdown. The course's own lessons may hold raw HTML; these may not.
 *
 * - Raw HTML: only `<nn-*>` widget tags (already checked against the catalog by ./widgets.ts),
 *   comments, and a few inert elements the course's lessons use where Markdown has no syntax
 *   (`INERT`: a `<details>` to fold, a `<pre><code>` with an accessible name), with only the
 *   attributes in `INERT_ATTRIBUTES`. Each tag is written out again from the attributes that were
 *   checked, quoted, so the browser reads exactly what was checked; comments are dropped; any
 *   other element, attribute or `<` is refused.
 * - Links: to web pages (`http:`, `https:`), mail (`mailto:`) or a place in the course (`#…`, a
 *   relative address). markdown-it already leaves `javascript:`, `vbscript:`, `file:` and `data:`
 *   links as text; anything else with a scheme is refused. Links to web pages open in a new tab
 *   with no referrer and no opener, and are marked as going to another site.
 * - Images: refused (they would be fetched from another site, which the strict CSP blocks anyway).
 * - Size: the text is at most `MAX_UNTRUSTED_SOURCE_CHARS` characters.
 *
 * Math goes through temml with `trust: false` (no `\href`, `\htmlStyle`, …) and any inline style
 * temml writes that the course does not know fails, as in the course's lessons.
 */
import { LessonError } from './errors.ts';

/** The longest shared lesson compiled (characters); the share link holds less (src/lesson/share.ts). */
export const MAX_UNTRUSTED_SOURCE_CHARS = 512 * 1024;

const ATTRIBUTE =
  String.raw`\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + '`' + String.raw`]+))?`;
const TAG = new RegExp(String.raw`<(/?)([A-Za-z][A-Za-z0-9-]*)((?:${ATTRIBUTE})*)\s*(/?)>`, 'g');
const ATTRIBUTE_PARTS = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** A comment as the HTML parser ends it: not `<!-->` or `<!--->`, which end at once. */
const COMMENT = /<!--(?!-?>)[\s\S]*?-->/g;
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;
/** Elements that do nothing but structure text, allowed besides the widgets. */
export const INERT = new Set(['details', 'summary', 'pre', 'code', 'kbd', 'sub', 'sup', 'br']);
/** What an inert element may carry, each with the values it may take. */
const INERT_ATTRIBUTES: Record<string, RegExp> = {
  tabindex: /^(0|-1)$/,
  role: /^[a-z]+$/,
  title: /^/,
  lang: /^[A-Za-z-]+$/,
};

const ONLY =
  "a shared lesson may use only the course's widgets (<nn-…> tags), exercise blocks, math and plain Markdown";

function refuse(file: string, line: number, what: string): never {
  throw new LessonError(file, line, `${what} cannot be used in a shared lesson: ${ONLY}.`);
}

/**
 * The raw HTML of a shared lesson, rebuilt from what was checked: widget tags with quoted
 * attributes, the text between them, no comments. `line` is the file line of `html[0]`; anything
 * else (another element, a stray `<`) throws a `LessonError` at its line.
 */
export function sanitizeHtml(html: string, file: string, line: number): string {
  const lineAt = (index: number) => line + (html.slice(0, index).match(/\n/g)?.length ?? 0);
  if (/--!>/.test(html))
    refuse(file, lineAt(html.indexOf('--!>')), "an HTML comment ending '--!>'");
  // Comments become spaces of the same length, so offsets (and lines) stay as written.
  const text = html.replace(COMMENT, (c) => c.replace(/[^\n]/g, ' '));
  let out = '';
  let last = 0;
  const between = (from: number, to: number) => {
    const piece = text.slice(from, to);
    const bad = piece.search(/[<>]/);
    if (bad >= 0) {
      const name = /^<\/?([A-Za-z!?][\w-]*)/.exec(piece.slice(bad))?.[1];
      refuse(
        file,
        lineAt(from + bad),
        name ? `raw HTML (<${name.toLowerCase()}>)` : "a raw '<' or '>'",
      );
    }
    return piece;
  };
  for (const match of text.matchAll(TAG)) {
    const [whole, slash, rawName = '', attributes = ''] = match;
    const name = rawName.toLowerCase();
    const widget = name.startsWith('nn-');
    if (!widget && !INERT.has(name)) refuse(file, lineAt(match.index), `<${name}>`);
    out += between(last, match.index);
    last = match.index + whole.length;
    if (slash === '/') {
      out += `</${name}>`;
      continue;
    }
    let tag = `<${name}`;
    for (const part of attributes.matchAll(ATTRIBUTE_PARTS)) {
      const attribute = (part[1] ?? '').toLowerCase();
      const value = part[2] ?? part[3] ?? part[4];
      const allowed = widget
        ? !attribute.startsWith('on')
        : attribute.startsWith('aria-') || INERT_ATTRIBUTES[attribute]?.test(value ?? '') === true;
      if (!ATTRIBUTE_NAME.test(attribute) || !allowed) {
        refuse(file, lineAt(match.index), `the attribute '${attribute}' on <${name}>`);
      }
      tag +=
        value === undefined ? ` ${attribute}` : ` ${attribute}="${value.replace(/"/g, '&quot;')}"`;
    }
    out += `${tag}>`;
  }
  out += between(last, text.length);
  return out.replace(/[ \t]+$/gm, '');
}

/** Where a link in a shared lesson may go: undefined if allowed, else what to say. */
export function linkProblem(href: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto')
    return undefined;
  return `a '${scheme}:' link`;
}

export function isExternal(href: string): boolean {
  return /^(https?:)?\/\//i.test(href);
}

export function checkLink(href: string, file: string, line: number): void {
  const problem = linkProblem(href);
  if (problem) refuse(file, line, problem);
}

export function refuseImage(file: string, line: number): never {
  refuse(file, line, 'an image');
}

export function checkSize(source: string, file: string): void {
  if (source.length > MAX_UNTRUSTED_SOURCE_CHARS) {
    throw new LessonError(
      file,
      1,
      `this lesson is too large to open (${Math.round(source.length / 1024)} KB of text; a shared lesson holds up to ${MAX_UNTRUSTED_SOURCE_CHARS / 1024} KB).`,
    );
  }
}
