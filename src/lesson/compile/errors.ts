/**
 * The one error the lesson compiler throws. Its message reads `file:line: what is wrong. How to fix it.`
 * so that a terminal, an editor and Vite's overlay can all take the author straight to the spot.
 */
export class LessonError extends Error {
  /** Source file, as given to the compiler (relative to the project root). */
  readonly file: string;
  /** 1-based line in the whole file (front matter included). */
  readonly line: number;
  /** 1-based column, where it is known. */
  readonly column: number | undefined;
  /** The message without the `file:line: ` prefix. */
  readonly detail: string;

  constructor(file: string, line: number, detail: string, column?: number) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'LessonError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}

/** Where a piece of text sits in the lesson file, for error messages. */
export interface SourceRef {
  file: string;
  /** 0-based line in the file of the first line of the text being parsed. */
  lineBase: number;
  /**
   * Someone else's text (a shared lesson, the studio): it may produce only the course's own
   * elements (see ./untrusted.ts). Absent for the course's lessons.
   */
  untrusted?: boolean;
}

/** Edit distance, for "did you mean …?" suggestions on typos. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** ` (did you mean 'x'?)` when one candidate is close to `word`, else ''. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= limit ? ` (did you mean '${best}'?)` : '';
}

/** A value as the author wrote it, for "got …" in messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
