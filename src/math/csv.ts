/**
 * Parsing a small classification dataset from CSV text, the way a student exports it from a
 * spreadsheet:
 *
 *   hours slept,mood,good day
 *   7.5,6,1
 *   5,3,0
 *
 * A header row names the columns; every column but the last holds numbers (the features); the
 * last holds the label, with two distinct values (0/1, no/yes, …) — or up to `maxClasses` (at
 * most MAX_CLASSES = 10) where the caller can train that many classes. Rows that do not parse
 * are reported with their line numbers and left out; the rest are used. Only the first `maxRows`
 * good rows are kept (10,000 by default), with a note saying so.
 *
 * Pure: text in, plain data out. Cell text is returned as text and quoted in messages; nothing
 * here (or in the widget that shows it) ever treats it as HTML.
 */

/** At most this many data rows are used; a bigger file is cut with a note. */
export const MAX_ROWS = 10_000;

/** The most classes a label column may hold (with `maxClasses`). */
export const MAX_CLASSES = 10;

/**
 * The largest size a feature value may have. The trainer maps each axis onto [−1, 1] with some
 * room around the data, and draws it: differences of two values, that room, and the plot's
 * arithmetic must stay finite numbers (a 64-bit float ends near 1.8e308, so ±1e308 and −1e308
 * in one column already overflow). Rows with larger values are reported and left out.
 */
export const MAX_MAGNITUDE = 1e150;
const LIMIT_TEXT = String(MAX_MAGNITUDE).replace('+', '');

/** A row that was left out, and why. `line` is 1-based, as an editor shows it. */
export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvTable {
  /** The feature columns' names (all columns but the last), from the header. */
  features: string[];
  /** The label column's name (the last column). */
  labelName: string;
  /**
   * The label values as written in the file, class 0 first (numbers by value, words
   * alphabetically): two, or up to `maxClasses`.
   */
  classes: string[];
  /** The kept rows' feature values, one array per row (`features.length` numbers each). */
  rows: number[][];
  /** The kept rows' classes, 0 … classes.length − 1 (0 or 1 for two classes). */
  labels: number[];
  /** The 1-based line number of each kept row. */
  lines: number[];
  /** Rows left out, in file order. */
  problems: CsvProblem[];
  /** Things worth knowing that are not errors: the cap, a missing header, a single class. */
  notes: string[];
  /** Non-empty data rows in the file (kept, left out, or beyond the cap). */
  totalRows: number;
  /** Whether rows beyond `maxRows` were dropped. */
  capped: boolean;
}

/** The whole text could not be used: nothing to train on. */
export interface CsvFailure {
  error: string;
  problems: CsvProblem[];
}

export type CsvResult = ({ ok: true } & CsvTable) | ({ ok: false } & CsvFailure);

export interface CsvOptions {
  /** Keep at most this many good rows (default `MAX_ROWS`). */
  maxRows?: number;
  /** The fewest feature columns accepted (default 2: a point on the plane). */
  minFeatures?: number;
  /** The most distinct labels accepted, 2 … MAX_CLASSES (default 2). */
  maxClasses?: number;
}

/** Longest cell text quoted in a message; longer text is cut with "…". */
const QUOTE_LIMIT = 32;

/**
 * A number as people type it: optional sign (hyphen, plus or the real minus sign U+2212), digits
 * with an optional decimal point, an optional exponent. No "NaN", "Infinity", hex or empty cells.
 */
const NUMBER = /^[+\-\u2212]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parse one cell as a finite number, or undefined. `decimalComma` accepts "7,5" for 7.5. */
export function parseNumberCell(cell: string, decimalComma = false): number | undefined {
  let text = cell.trim();
  if (decimalComma && /^[^.]*,[^.,]*$/.test(text)) text = text.replace(',', '.');
  if (!NUMBER.test(text)) return undefined;
  const value = Number(text.replace('\u2212', '-'));
  return Number.isFinite(value) ? value : undefined;
}

/** A cell's text for a message: trimmed, quoted, and cut when long. */
function quote(cell: string): string {
  const text = cell.trim();
  return `“${text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT - 1)}…` : text}”`;
}

/**
 * Split one line into cells. Cells may be quoted ("a, b" is one cell; "" inside quotes is one
 * quote mark). Returns undefined for a quote that is never closed on the line.
 */
export function splitCsvLine(line: string, delimiter: string): string[] | undefined {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
    i++;
  }
  if (quoted) return undefined;
  cells.push(cell);
  return cells;
}

/**
 * The delimiter of a file, judged from its first line: the most frequent of comma, semicolon and
 * tab outside quotes (a comma when there is a tie or none).
 */
export function detectDelimiter(firstLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** Order label values: numbers by value when all are numbers, else alphabetically ("no" < "yes"). */
function classOrder(values: readonly string[]): string[] {
  const numbers = values.map((v) => parseNumberCell(v));
  if (numbers.every((n) => n !== undefined)) {
    return values
      .map((v, i) => ({ v, n: numbers[i]! }))
      .sort((a, b) => a.n - b.n)
      .map((e) => e.v);
  }
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];
const ordinal = (n: number): string =>
  ORDINALS[n] ??
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** Parse CSV text into a two-class table; see the module comment for the format. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvResult {
  const maxRows = Math.max(1, Math.floor(options.maxRows ?? MAX_ROWS));
  const maxClasses = Math.min(MAX_CLASSES, Math.max(2, Math.floor(options.maxClasses ?? 2)));
  const minFeatures = Math.max(1, Math.floor(options.minFeatures ?? 2));
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const problems: CsvProblem[] = [];
  const notes: string[] = [];

  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) {
    return {
      ok: false,
      error: 'The text is empty: paste a header row and some data rows.',
      problems,
    };
  }
  const delimiter = detectDelimiter(lines[headerIndex]!);
  // With ";" or tab between cells, a comma can only be a decimal comma (7,5), as spreadsheets in
  // many languages write it.
  const decimalComma = delimiter !== ',';
  const headerCells = splitCsvLine(lines[headerIndex]!, delimiter);
  if (!headerCells) {
    return {
      ok: false,
      error: `Line ${headerIndex + 1}: a quote mark (") is never closed.`,
      problems,
    };
  }
  const width = headerCells.length;
  if (width < minFeatures + 1) {
    return {
      ok: false,
      error:
        `Line ${headerIndex + 1} has ${width} column${width === 1 ? '' : 's'}; the data needs at ` +
        `least ${minFeatures + 1}: ${minFeatures === 1 ? 'a number' : `${minFeatures} numbers`} ` +
        `and a label in the last column${delimiter === ',' ? ', separated by commas' : ''}.`,
      problems,
    };
  }

  // A first row of numbers is data, not a header: name the columns ourselves and say so.
  const hasHeader = !headerCells.every(
    (cell, i) => i === width - 1 || parseNumberCell(cell, decimalComma) !== undefined,
  );
  const names = hasHeader
    ? headerCells.map((c, i) => c.trim() || (i === width - 1 ? 'label' : `column ${i + 1}`))
    : headerCells.map((_, i) => (i === width - 1 ? 'label' : `x${i + 1}`));
  if (!hasHeader) {
    notes.push(
      'The first row holds numbers, so it is used as data; the columns are named for you.',
    );
  }
  const features = names.slice(0, -1);
  const labelName = names[width - 1]!;

  const rows: number[][] = [];
  const labels: number[] = [];
  const rawLabels: string[] = [];
  const rowLines: number[] = [];
  const seen: string[] = [];
  let totalRows = 0;
  let capped = false;

  for (let index = hasHeader ? headerIndex + 1 : headerIndex; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    totalRows++;
    if (rows.length >= maxRows) {
      capped = true;
      continue; // count the rest, parse none of it
    }
    const lineNumber = index + 1;
    const cells = splitCsvLine(line, delimiter);
    if (!cells) {
      problems.push({ line: lineNumber, message: 'a quote mark (") is never closed' });
      continue;
    }
    if (cells.length !== width) {
      problems.push({
        line: lineNumber,
        message: `${cells.length} value${cells.length === 1 ? '' : 's'} where the header has ${width}`,
      });
      continue;
    }
    const values: number[] = [];
    let bad: string | undefined;
    for (let c = 0; c < width - 1; c++) {
      const value = parseNumberCell(cells[c]!, decimalComma);
      if (value === undefined) {
        bad =
          cells[c]!.trim() === ''
            ? `the “${features[c]}” cell is empty`
            : `${quote(cells[c]!)} in “${features[c]}” is not a number`;
        break;
      }
      if (Math.abs(value) > MAX_MAGNITUDE) {
        bad =
          `${quote(cells[c]!)} in “${features[c]}” is too large to train on: values must lie ` +
          `between −${LIMIT_TEXT} and ${LIMIT_TEXT}`;
        break;
      }
      values.push(value);
    }
    if (bad) {
      problems.push({ line: lineNumber, message: bad });
      continue;
    }
    const label = cells[width - 1]!.trim();
    if (label === '') {
      problems.push({ line: lineNumber, message: `the label (“${labelName}”) is empty` });
      continue;
    }
    if (!seen.includes(label)) {
      if (seen.length === maxClasses) {
        problems.push({
          line: lineNumber,
          message:
            maxClasses === 2
              ? `a third label ${quote(label)}: “${labelName}” may hold only two values, and ` +
                `${quote(seen[0]!)} and ${quote(seen[1]!)} came first`
              : `${/^(eighth|11th)$/.test(ordinal(maxClasses + 1)) ? 'an' : 'a'} ${ordinal(maxClasses + 1)} label ${quote(label)}: “${labelName}” may hold at ` +
                `most ${maxClasses} values, and ${seen.map(quote).join(', ')} came first`,
        });
        continue;
      }
      seen.push(label);
    }
    rows.push(values);
    rawLabels.push(label);
    rowLines.push(lineNumber);
  }

  if (rows.length === 0) {
    return {
      ok: false,
      error:
        totalRows === 0
          ? 'There are no data rows under the header.'
          : `None of the ${totalRows} data rows could be used.`,
      problems,
    };
  }

  let classes: string[];
  if (seen.length === 1) {
    // One class only: the model has nothing to separate, but the data is still worth showing.
    const only = seen[0]!;
    const numeric = parseNumberCell(only);
    const other = numeric === 0 ? '1' : numeric === 1 ? '0' : `not ${only}`;
    classes = numeric === 1 ? [other, only] : [only, other];
    notes.push(
      `Every row has the label ${quote(only)}: a classifier needs examples of two classes.`,
    );
  } else {
    classes = classOrder(seen);
  }
  const classOf = new Map(classes.map((value, c) => [value, c]));
  for (const label of rawLabels) labels.push(classOf.get(label)!);

  if (capped) {
    notes.push(
      `The file has ${totalRows.toLocaleString('en')} rows: only the first ` +
        `${maxRows.toLocaleString('en')} good rows are used.`,
    );
  }
  return {
    ok: true,
    features,
    labelName,
    classes,
    rows,
    labels,
    lines: rowLines,
    problems,
    notes,
    totalRows,
    capped,
  };
}
