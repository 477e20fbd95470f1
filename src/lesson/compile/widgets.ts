/**
 * Checks the `<nn-*>` custom elements written in a lesson against the widget catalog, so that a typo in
 * a tag or an attribute fails the build at its line instead of rendering nothing in the browser.
 */
import {
  GLOBAL_ATTRIBUTES,
  GLOBAL_ATTRIBUTE_PREFIXES,
  RUNTIME_TAGS,
  WIDGETS,
  widgetDoc,
} from '../../widgets/catalog.ts';
import type { AttributeDoc, WidgetDoc } from '../../widgets/catalog.ts';
import { LessonError, didYouMean, show } from './errors.ts';

/** An `nn-*` start or end tag, for checking that every widget is closed. */
export interface TagEvent {
  name: string;
  closing: boolean;
  line: number;
}

const ATTRIBUTE =
  String.raw`\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + '`' + String.raw`]+))?`;
const TAG = new RegExp(String.raw`<(/?)([A-Za-z][A-Za-z0-9-]*)((?:${ATTRIBUTE})*)\s*(/?)>`, 'g');
const ATTRIBUTE_PARTS = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const NN_TAG_START = /<\/?nn-/gi;

const KNOWN = WIDGETS.map((w) => w.tag);
const knownList = () => KNOWN.map((tag) => `<${tag}>`).join(', ');

/** Blanks out HTML comments, keeping offsets and line breaks. */
function withoutComments(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/**
 * Checks every `nn-*` tag in a piece of raw HTML. `line` is the 1-based file line of `html[0]`.
 * Returns the widget tags found, in order.
 */
export function checkHtml(html: string, file: string, line: number): TagEvent[] {
  const text = withoutComments(html);
  const lineAt = (index: number) => line + (text.slice(0, index).match(/\n/g)?.length ?? 0);
  const events: TagEvent[] = [];
  const tagStarts = new Set<number>();

  for (const match of text.matchAll(TAG)) {
    const [, slash, rawName, attributes = '', selfClosing] = match;
    const name = (rawName ?? '').toLowerCase();
    if (!name.startsWith('nn-')) continue;
    const index = match.index;
    tagStarts.add(index);
    const at = lineAt(index);
    const closing = slash === '/';
    if ((RUNTIME_TAGS as readonly string[]).includes(name)) {
      throw new LessonError(
        file,
        at,
        name === 'nn-exercise'
          ? '<nn-exercise> is added by the compiler: write an exercise block instead (a fenced block: ```exercise, the YAML keys, ```).'
          : `<${name}> is the element that shows a whole lesson; it cannot be used inside one.`,
      );
    }
    const widget = widgetDoc(name);
    if (!widget) {
      throw new LessonError(
        file,
        at,
        `unknown widget <${name}>${didYouMean(name, KNOWN)}. The widgets are: ${knownList()} ` +
          '(new ones must be added to src/widgets/catalog.ts).',
      );
    }
    if (!closing) {
      if (selfClosing) {
        throw new LessonError(
          file,
          at,
          `<${name} … /> cannot close itself in HTML (the browser would put everything after it inside the widget): ` +
            `write <${name} …></${name}>.`,
        );
      }
      const attributesStart = index + 1 + (rawName ?? '').length;
      checkAttributes(widget, attributes, file, (offset) => lineAt(attributesStart + offset));
    }
    events.push({ name, closing, line: at });
  }

  for (const match of text.matchAll(NN_TAG_START)) {
    if (!tagStarts.has(match.index)) {
      throw new LessonError(file, lineAt(match.index), malformed());
    }
  }
  return events;
}

export function malformed(): string {
  return "this widget tag is not valid HTML, so it would show as text: check its quotes and the closing '>' (to show a tag as text, put it in `backticks`).";
}

function checkAttributes(
  widget: WidgetDoc,
  attributes: string,
  file: string,
  lineAt: (offset: number) => number,
) {
  const seen = new Set<string>();
  for (const match of attributes.matchAll(ATTRIBUTE_PARTS)) {
    const name = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? match[3] ?? match[4];
    const line = lineAt(match.index);
    if (seen.has(name)) {
      throw new LessonError(
        file,
        line,
        `attribute '${name}' appears twice on <${widget.tag}>: keep one.`,
      );
    }
    seen.add(name);
    if ((GLOBAL_ATTRIBUTES as readonly string[]).includes(name)) continue;
    if (GLOBAL_ATTRIBUTE_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    const doc = widget.attributes.find((a) => a.name === name);
    if (!doc) {
      const own = widget.attributes.map((a) => a.name);
      throw new LessonError(
        file,
        line,
        `unknown attribute '${name}' on <${widget.tag}>${didYouMean(name, own)}. Its attributes are: ` +
          `${own.join(', ')} (and ${GLOBAL_ATTRIBUTES.join(', ')}, ${GLOBAL_ATTRIBUTE_PREFIXES.map((p) => p + '*').join(', ')}).`,
      );
    }
    const problem = checkValue(doc, value);
    if (problem) throw new LessonError(file, line, `${problem} (on <${widget.tag}>).`);
  }
}

function checkValue(doc: AttributeDoc, value: string | undefined): string | undefined {
  if (doc.type === 'boolean') {
    if (value === undefined || value === '' || value === doc.name || value === 'true')
      return undefined;
    return (
      `'${doc.name}' is a boolean attribute: write it bare (${doc.name}) to turn it on, or leave it out to turn it off; ` +
      `got ${doc.name}=${show(value)}, and any value would turn it on`
    );
  }
  if (doc.type === 'number') {
    const range =
      doc.min !== undefined && doc.max !== undefined ? ` between ${doc.min} and ${doc.max}` : '';
    const example = `e.g. ${doc.name}="${String(doc.default)}"`;
    const number = value === undefined || value.trim() === '' ? NaN : Number(value);
    if (!Number.isFinite(number)) {
      return `'${doc.name}' must be a number${range}, ${example}; got ${value === undefined ? 'no value' : show(value)}`;
    }
    if (
      (doc.min !== undefined && number < doc.min) ||
      (doc.max !== undefined && number > doc.max)
    ) {
      return `'${doc.name}' must be${range}; got ${value ?? ''}`;
    }
  }
  if (doc.type === 'string' && doc.values && !doc.values.includes(value ?? '')) {
    return `'${doc.name}' must be one of ${doc.values.map((v) => `"${v}"`).join(', ')}; got ${show(value ?? '')}`;
  }
  return undefined;
}

/** Every widget opened must be closed (custom elements have no implied end tag). */
export function checkBalance(events: readonly TagEvent[], file: string): void {
  const open = new Map<string, number[]>();
  for (const event of events) {
    const lines = open.get(event.name) ?? [];
    if (event.closing) {
      if (lines.pop() === undefined) {
        throw new LessonError(
          file,
          event.line,
          `</${event.name}> has no matching <${event.name}> before it: remove it.`,
        );
      }
    } else {
      lines.push(event.line);
    }
    open.set(event.name, lines);
  }
  for (const [name, lines] of open) {
    const first = lines[0];
    if (first !== undefined) {
      throw new LessonError(
        file,
        first,
        `<${name}> is never closed: add </${name}> right after it (custom elements need an explicit end tag).`,
      );
    }
  }
}
