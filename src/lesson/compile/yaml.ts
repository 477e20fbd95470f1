/**
 * YAML with file positions: front matter and exercise blocks are YAML embedded in a Markdown file, and
 * every error must point at the line of the file, not the line within the embedded text.
 */
import { LineCounter, Scalar, isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import type * as v from 'valibot';
import { LessonError, didYouMean, show, type SourceRef } from './errors.ts';

type Path = readonly (string | number)[];

export interface YamlSource {
  data: unknown;
  /** 1-based file line and column of an offset in the YAML text. */
  position(offset: number): { line: number; column: number };
  /** 1-based file line where the value at `path` starts, if it is there. */
  valueLine(path: Path): number | undefined;
  /** 1-based file line of a top-level key, if it is there. */
  keyLine(key: string): number | undefined;
  /** Where the text of the string at `path` starts (for Markdown inside YAML). */
  textRef(path: Path): SourceRef;
}

const YAML_TIP =
  "Tip: quote a value that contains ': ' or ' #' (or starts with a quote or [), or write it as a block: " +
  "'key: |' with the text indented on the lines below.";

const TEX_IN_QUOTES_TIP =
  'Inside double quotes a backslash starts a YAML escape, so TeX like \\sigma breaks: use single quotes ' +
  "('$\\sigma$') or no quotes.";

/** Parses YAML, throwing a LessonError at the right file line on a syntax error. */
export function parseYaml(text: string, ref: SourceRef, what: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document.Parsed = parseDocument(text, { lineCounter, prettyErrors: false });
  const position = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: ref.lineBase + pos.line, column: pos.col };
  };
  const first = doc.errors[0];
  if (first) {
    const { line, column } = position(first.pos[0]);
    const tip = first.code === 'BAD_DQ_ESCAPE' ? TEX_IN_QUOTES_TIP : YAML_TIP;
    throw new LessonError(
      ref.file,
      line,
      `YAML syntax error in ${what}: ${first.message}. ${tip}`,
      column,
    );
  }
  const nodeAt = (path: Path) => {
    const node: unknown = doc.getIn(path, true);
    return isNode(node) ? node : undefined;
  };
  return {
    data: doc.toJS(),
    position,
    valueLine(path) {
      const range = nodeAt(path)?.range;
      return range ? position(range[0]).line : undefined;
    },
    keyLine(key) {
      if (!isMap(doc.contents)) return undefined;
      for (const pair of doc.contents.items) {
        if (isScalar(pair.key) && pair.key.value === key && pair.key.range)
          return position(pair.key.range[0]).line;
      }
      return undefined;
    },
    textRef(path) {
      const node = nodeAt(path);
      if (!node?.range) return ref;
      const line0 = position(node.range[0]).line - 1;
      // A block scalar (`key: |`) starts its text on the line after the indicator.
      const block =
        isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
      return { ...ref, lineBase: block ? line0 + 1 : line0 };
    },
  };
}

export interface SchemaContext {
  file: string;
  yaml: YamlSource;
  /** "in the front matter", "in exercise 'x'". */
  where: string;
  /** Line to blame for a missing key or a value that is not a mapping. */
  openLine: number;
  /** The keys allowed here, for "unknown key" messages. */
  keys: readonly string[];
  /** What each key must be, with an example ("a positive integer, e.g. order: 3"). */
  help: Readonly<Record<string, string>>;
  /** Keys that are valid elsewhere but not here, with the reason. */
  misplaced?: Readonly<Record<string, string>>;
}

/**
 * Turns valibot issues into one LessonError with what to do about it. Unknown keys come first (a typo
 * like `sumary` also makes `summary` missing, and the typo is the thing to fix), then bad values, then
 * missing keys; ties go to the earlier line.
 */
export function schemaError(
  issues: readonly v.BaseIssue<unknown>[],
  ctx: SchemaContext,
): LessonError {
  const described = issues.map((issue) => describe(issue, ctx));
  described.sort((a, b) => a.rank - b.rank || a.line - b.line);
  const first = described[0] ?? { line: ctx.openLine, message: `invalid value ${ctx.where}` };
  return new LessonError(ctx.file, first.line, first.message);
}

function describe(
  issue: v.BaseIssue<unknown>,
  ctx: SchemaContext,
): { rank: number; line: number; message: string } {
  const path = (issue.path ?? []).map((item) => item.key as string | number);
  const key = path[0];
  if (typeof key !== 'string') {
    return {
      rank: 1,
      line: ctx.openLine,
      message: `expected keys ${ctx.where} (${ctx.keys.join(', ')}), got ${show(issue.input)}. Write one 'key: value' per line.`,
    };
  }
  const help = ctx.help[key];
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const misplaced = ctx.misplaced?.[key];
    return {
      rank: 0,
      line: ctx.yaml.keyLine(key) ?? ctx.openLine,
      message: misplaced
        ? `'${key}' is not allowed ${ctx.where}: ${misplaced}.`
        : `unknown key '${key}' ${ctx.where}${didYouMean(key, ctx.keys)}. The keys are: ${ctx.keys.join(', ')}.`,
    };
  }
  if (issue.type === 'strict_object' && path.length === 1 && issue.received === 'undefined') {
    return {
      rank: 2,
      line: ctx.openLine,
      message: `missing '${key}' ${ctx.where}: add '${key}:' with ${help ?? 'a value'}.`,
    };
  }
  const line = ctx.yaml.valueLine(path) ?? ctx.yaml.keyLine(key) ?? ctx.openLine;
  const got = issue.input === null ? 'it is empty' : `got ${show(issue.input)}`;
  const item = typeof path[1] === 'number' ? ` (item ${path[1] + 1})` : '';
  return {
    rank: 1,
    line,
    message: `'${key}'${item} ${ctx.where} must be ${help ?? issue.expected ?? 'valid'}; ${got}.`,
  };
}
