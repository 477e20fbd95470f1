/**
 * What the studio's editor offers as you type, from the same data the compiler checks against: the
 * widget catalog (src/widgets/catalog.ts, which the Custom Elements Manifest is generated from) and
 * the exercise blocks' keys (src/lesson/compile/exercises.ts). Pure: text and a cursor in, options out.
 *
 * - `<nn-` or `<` in text: the widget tags, each written with its end tag.
 * - Inside a widget's start tag: its attributes (and the global ones), not those already written.
 * - Inside an attribute's quotes: its allowed values (a choice's values, a number's default and range).
 * - Inside an ```exercise block, at the start of a line: the keys of its kind not yet used;
 *   after `kind:`: the kinds.
 */
import {
  COMMON_ATTRIBUTES,
  GLOBAL_ATTRIBUTES,
  WIDGETS,
  widgetDoc,
  type AttributeDoc,
} from '../../widgets/catalog';
import { ANSWER_HELP, HELP, KEYS, KINDS } from '../../lesson/compile/exercises';
import type { ExerciseKind } from '../../lesson/types';

export interface CompletionOption {
  label: string;
  /** Short text beside the label (a type, a range). */
  detail?: string;
  /** A longer description. */
  info?: string;
  /** The text inserted, when it is not the label. */
  apply?: string;
  type: 'type' | 'property' | 'enum' | 'keyword';
}

export interface Completions {
  /** Where the replaced text starts (the word typed so far). */
  from: number;
  options: CompletionOption[];
}

/** The options at `pos` in `doc`, or null where there is nothing to offer. */
export function completionsAt(doc: string, pos: number): Completions | null {
  const before = doc.slice(0, pos);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.slice(lineStart);
  const fence = exerciseFence(doc, lineStart);
  if (fence) return exerciseCompletions(fence, line, lineStart);

  // A tag name being typed: `<`, `<nn`, `<nn-sig`.
  const tagName = /<([a-z-]*)$/i.exec(line);
  if (tagName) {
    return {
      from: pos - tagName[1]!.length,
      options: WIDGETS.map((w) => ({
        label: w.tag,
        detail: 'widget',
        info: w.summary,
        apply: `${w.tag}></${w.tag}>`,
        type: 'type',
      })),
    };
  }
  // Inside a start tag: `<nn-x a="1" b` or `<nn-x a="`.
  const open =
    /<(nn-[a-z0-9-]+)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s+(?:([^\s"'>/=]*)|([^\s"'>/=]+)\s*=\s*(["'])([^"']*))$/.exec(
      before.slice(Math.max(0, before.lastIndexOf('<'))),
    );
  if (!open) return null;
  const widget = widgetDoc(open[1]!);
  if (!widget) return null;
  const attributes: readonly AttributeDoc[] = [...widget.attributes, ...COMMON_ATTRIBUTES];
  if (open[4] !== undefined) {
    const doc = attributes.find((a) => a.name === open[4]!.toLowerCase());
    const typed = open[6] ?? '';
    return doc ? { from: pos - typed.length, options: valueOptions(doc) } : null;
  }
  const written = new Set(
    [...(open[2] ?? '').matchAll(/\s+([^\s"'>/=]+)/g)].map((m) => m[1]!.toLowerCase()),
  );
  const typed = open[3] ?? '';
  const own = attributes
    .filter((a) => !written.has(a.name))
    .map<CompletionOption>((a) => ({
      label: a.name,
      detail: describeType(a),
      info: a.description,
      apply: a.type === 'boolean' ? a.name : `${a.name}=""`,
      type: 'property',
    }));
  const global = GLOBAL_ATTRIBUTES.filter(
    (name) => !written.has(name) && !attributes.some((a) => a.name === name),
  ).map<CompletionOption>((name) => ({
    label: name,
    detail: 'global',
    apply: `${name}=""`,
    type: 'property',
  }));
  return { from: pos - typed.length, options: [...own, ...global] };
}

function describeType(a: AttributeDoc): string {
  if (a.values) return a.values.map((v) => `"${v}"`).join(' | ');
  if (a.type === 'number' && a.min !== undefined && a.max !== undefined)
    return `number ${a.min}…${a.max}`;
  return a.type;
}

function valueOptions(a: AttributeDoc): CompletionOption[] {
  if (a.values) {
    return a.values.map((v) => ({
      label: v,
      detail: v === a.default ? 'default' : undefined,
      info: a.description,
      type: 'enum',
    }));
  }
  if (a.type === 'number') {
    const values = new Map<string, string>([[String(a.default), 'default']]);
    if (a.min !== undefined) values.set(String(a.min), values.get(String(a.min)) ?? 'smallest');
    if (a.max !== undefined) values.set(String(a.max), values.get(String(a.max)) ?? 'largest');
    return [...values].map(([label, detail]) => ({
      label,
      detail,
      info: a.description,
      type: 'enum',
    }));
  }
  return [];
}

interface Fence {
  /** The text of the block before the cursor's line. */
  body: string;
}

/** The ```exercise block the line starting at `lineStart` is inside, if any. */
function exerciseFence(doc: string, lineStart: number): Fence | null {
  const lines = doc.slice(0, lineStart).split('\n');
  let inFence: { marker: string; exercise: boolean; from: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const mark = /^\s*(`{3,}|~{3,})\s*(\S*)/.exec(text);
    if (!inFence && mark)
      inFence = { marker: mark[1]!, exercise: mark[2] === 'exercise', from: i + 1 };
    else if (inFence && mark && mark[1]!.startsWith(inFence.marker) && mark[2] === '')
      inFence = null;
  }
  if (!inFence?.exercise) return null;
  return { body: lines.slice(inFence.from).join('\n') };
}

function exerciseCompletions(fence: Fence, line: string, lineStart: number): Completions | null {
  const kind = /^kind:\s*(\w*)$/m.exec(fence.body)?.[1] as ExerciseKind | undefined;
  const after = /^kind:\s*(\w*)$/.exec(line);
  if (after) {
    return {
      from: lineStart + line.length - after[1]!.length,
      options: KINDS.map((k) => ({ label: k, type: 'enum', info: HELP.kind })),
    };
  }
  const key = /^([a-z]*)$/.exec(line);
  if (!key) return null;
  const used = new Set([...fence.body.matchAll(/^([a-z]+):/gm)].map((m) => m[1]!));
  const keys = kind && KEYS[kind] ? KEYS[kind] : ['id', 'kind'];
  return {
    from: lineStart,
    options: keys
      .filter((k) => !used.has(k))
      .map((k) => ({
        label: k,
        detail: kind ? `${kind} exercise` : 'exercise',
        info: k === 'answer' && kind ? ANSWER_HELP[kind] : HELP[k],
        apply: `${k}: `,
        type: 'keyword',
      })),
  };
}
