import { describe, expect, it } from 'vitest';
import {
  MAX_ROWS,
  detectDelimiter,
  parseCsv,
  parseNumberCell,
  splitCsvLine,
} from '../../src/math/csv';
import type { CsvResult, CsvTable } from '../../src/math/csv';

function table(result: CsvResult): CsvTable {
  if (!result.ok) throw new Error(`expected a table, got: ${result.error}`);
  return result;
}

describe('parseCsv', () => {
  it('reads a header, numeric feature columns and a 0/1 label', () => {
    const t = table(parseCsv('hours slept,mood,good day\n7.5,6,1\n5,3,0\n8,-2.5,1\n'));
    expect(t.features).toEqual(['hours slept', 'mood']);
    expect(t.labelName).toBe('good day');
    expect(t.classes).toEqual(['0', '1']);
    expect(t.rows).toEqual([
      [7.5, 6],
      [5, 3],
      [8, -2.5],
    ]);
    expect(t.labels).toEqual([1, 0, 1]);
    expect(t.lines).toEqual([2, 3, 4]);
    expect(t.problems).toEqual([]);
    expect(t.notes).toEqual([]);
    expect(t.totalRows).toBe(3);
    expect(t.capped).toBe(false);
  });

  it('reports rows that do not parse with their line numbers and uses the rest', () => {
    const text = [
      'x,y,label', // line 1
      '0.1,0.2,1',
      '0.3,abc,0', // 3: not a number
      '-0.9,0.9,0',
      '', // 5: blank lines are skipped silently
      '0.5,0.6', // 6: too few values
      '0.7,0.8,0,9', // 7: too many
      ',0.1,1', // 8: empty cell
      '0.2,0.3,', // 9: empty label
      '0.4,0.5,2', // 10: a third class
      '"0.6,0.7,1', // 11: unclosed quote
    ].join('\n');
    const t = table(parseCsv(text));
    expect(t.rows).toEqual([
      [0.1, 0.2],
      [-0.9, 0.9],
    ]);
    expect(t.labels).toEqual([1, 0]);
    expect(t.lines).toEqual([2, 4]);
    expect(t.problems.map((p) => p.line)).toEqual([3, 6, 7, 8, 9, 10, 11]);
    const byLine = new Map(t.problems.map((p) => [p.line, p.message]));
    expect(byLine.get(3)).toBe('“abc” in “y” is not a number');
    expect(byLine.get(6)).toBe('2 values where the header has 3');
    expect(byLine.get(7)).toBe('4 values where the header has 3');
    expect(byLine.get(8)).toBe('the “x” cell is empty');
    expect(byLine.get(9)).toBe('the label (“label”) is empty');
    expect(byLine.get(10)).toMatch(/a third label “2”.*“1” and “0” came first/);
    expect(byLine.get(11)).toMatch(/never closed/);
    expect(t.totalRows).toBe(9);
  });

  it('orders the two classes: numbers by value, words alphabetically, and maps rows to 0/1', () => {
    expect(table(parseCsv('a,b,c\n1,2,5\n3,4,-1')).classes).toEqual(['-1', '5']);
    const words = table(parseCsv('a,b,rained\n1,2,yes\n3,4,no\n5,6,yes'));
    expect(words.classes).toEqual(['no', 'yes']);
    expect(words.labels).toEqual([1, 0, 1]);
  });

  it('keeps only the first MAX_ROWS good rows, with a note, and counts the whole file', () => {
    const rows = Array.from({ length: MAX_ROWS + 5 }, (_, i) => `${i},${i % 7},${i % 2}`);
    const t = table(parseCsv(['a,b,c', ...rows].join('\n')));
    expect(t.rows).toHaveLength(MAX_ROWS);
    expect(t.capped).toBe(true);
    expect(t.totalRows).toBe(MAX_ROWS + 5);
    expect(t.notes.join(' ')).toContain('The file has 10,005 rows: only the first 10,000');
    expect(t.rows.at(-1)).toEqual([MAX_ROWS - 1, (MAX_ROWS - 1) % 7]);
  });

  it('takes the cap as an option, and bad rows do not count against it', () => {
    const t = table(parseCsv('a,b,c\n1,1,0\nx,1,0\n2,2,1\n3,3,1', { maxRows: 2 }));
    expect(t.rows).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(t.problems.map((p) => p.line)).toEqual([3]);
    expect(t.capped).toBe(true);
  });

  it('returns cell text verbatim in messages, never as markup to interpret', () => {
    const t = table(parseCsv('a,b,c\n<img src=x onerror=alert(1)>,1,0\n1,2,1'));
    expect(t.problems).toEqual([
      { line: 2, message: '“<img src=x onerror=alert(1)>” in “a” is not a number' },
    ]);
    const header = table(parseCsv('<b>x</b>,y,"<i>c</i>"\n1,2,0\n3,4,1'));
    expect(header.features[0]).toBe('<b>x</b>');
    expect(header.labelName).toBe('<i>c</i>');
  });

  it('cuts long cell text in messages', () => {
    const long = 'z'.repeat(100);
    const t = table(parseCsv(`a,b,c\n${long},1,0\n1,1,1`));
    expect(t.problems[0]!.message.length).toBeLessThan(80);
    expect(t.problems[0]!.message).toContain('…');
  });

  it('understands semicolons with decimal commas, tabs, quotes, CRLF and a byte-order mark', () => {
    const semi = table(parseCsv('\uFEFFSchlaf;Laune;gut\r\n7,5;6;1\r\n5;3,25;0\r\n'));
    expect(semi.features).toEqual(['Schlaf', 'Laune']);
    expect(semi.rows).toEqual([
      [7.5, 6],
      [5, 3.25],
    ]);
    const tabs = table(parseCsv('a\tb\tc\n1.5\t2\t0\n3\t4\t1'));
    expect(tabs.rows[0]).toEqual([1.5, 2]);
    const quoted = table(parseCsv('"hours, slept",mood,"good ""day"""\n"7",6,1\n5,3,0'));
    expect(quoted.features).toEqual(['hours, slept', 'mood']);
    expect(quoted.labelName).toBe('good "day"');
    expect(quoted.rows[0]).toEqual([7, 6]);
  });

  it('uses a first row of numbers as data and names the columns, with a note', () => {
    const t = table(parseCsv('1,2,0\n3,4,1'));
    expect(t.features).toEqual(['x1', 'x2']);
    expect(t.labelName).toBe('label');
    expect(t.rows).toHaveLength(2);
    expect(t.lines).toEqual([1, 2]);
    expect(t.notes[0]).toMatch(/first row holds numbers/);
  });

  it('notes a file with a single class, and still returns its rows', () => {
    const t = table(parseCsv('a,b,c\n1,2,1\n3,4,1'));
    expect(t.labels).toEqual([1, 1]);
    expect(t.classes).toEqual(['0', '1']);
    expect(t.notes.join(' ')).toMatch(/Every row has the label “1”/);
  });

  it('fails with a message when nothing can be used', () => {
    const empty = parseCsv('  \n\n');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error).toMatch(/empty/);

    const narrow = parseCsv('x,label\n1,0');
    expect(narrow.ok).toBe(false);
    if (!narrow.ok) expect(narrow.error).toMatch(/Line 1 has 2 columns; the data needs at least 3/);

    const noRows = parseCsv('a,b,c\n');
    expect(noRows.ok).toBe(false);
    if (!noRows.ok) expect(noRows.error).toMatch(/no data rows/);

    const allBad = parseCsv('a,b,c\nx,1,0\n1,y,0');
    expect(allBad.ok).toBe(false);
    if (!allBad.ok) {
      expect(allBad.error).toBe('None of the 2 data rows could be used.');
      expect(allBad.problems.map((p) => p.line)).toEqual([2, 3]);
    }
  });
});

describe('CSV helpers', () => {
  it('parseNumberCell accepts numbers as people type them and nothing else', () => {
    expect(parseNumberCell(' 7.5 ')).toBe(7.5);
    expect(parseNumberCell('-2')).toBe(-2);
    expect(parseNumberCell('\u22122')).toBe(-2);
    expect(parseNumberCell('+3')).toBe(3);
    expect(parseNumberCell('.5')).toBe(0.5);
    expect(parseNumberCell('1e3')).toBe(1000);
    expect(parseNumberCell('7,5', true)).toBe(7.5);
    for (const bad of ['', 'abc', 'NaN', 'Infinity', '0x10', '1e400', '7,5', '1.2.3', '5 kg']) {
      expect(parseNumberCell(bad), bad).toBeUndefined();
    }
  });

  it('splitCsvLine handles quotes and reports an unclosed one', () => {
    expect(splitCsvLine('a,"b,c",d', ',')).toEqual(['a', 'b,c', 'd']);
    expect(splitCsvLine('"a ""q"" b",1', ',')).toEqual(['a "q" b', '1']);
    expect(splitCsvLine('a,,b', ',')).toEqual(['a', '', 'b']);
    expect(splitCsvLine('"a,b', ',')).toBeUndefined();
  });

  it('detectDelimiter picks the most frequent separator outside quotes', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d')).toBe(',');
    expect(detectDelimiter('abc')).toBe(',');
  });
});

describe('label columns of 3 to 10 classes (maxClasses)', () => {
  const threeClasses = 'x,y,kind\n1,2,cat\n3,4,dog\n5,6,bird\n7,8,dog\n9,1,cat';

  it('keeps two classes by default: a third label is left out with its line', () => {
    const t = table(parseCsv(threeClasses));
    expect(t.classes).toEqual(['cat', 'dog']);
    expect(t.problems).toEqual([expect.objectContaining({ line: 4 })]);
    expect(t.problems[0]!.message).toMatch(/a third label “bird”/);
  });

  it('with maxClasses, reads three classes, ordered alphabetically, each row mapped to its class', () => {
    const t = table(parseCsv(threeClasses, { maxClasses: 10 }));
    expect(t.classes).toEqual(['bird', 'cat', 'dog']);
    expect(t.labels).toEqual([1, 2, 0, 2, 1]);
    expect(t.problems).toEqual([]);
  });

  it('orders numeric labels by value (10 after 9), up to ten classes', () => {
    const rows = Array.from({ length: 10 }, (_, c) => `${c},${c},${9 - c + 1}`).join('\n');
    const t = table(parseCsv(`a,b,digit\n${rows}`, { maxClasses: 10 }));
    expect(t.classes).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(t.labels).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });

  it('leaves out the rows of an eleventh label, saying which came first', () => {
    const rows = Array.from({ length: 11 }, (_, c) => `${c},${c},${c}`).join('\n');
    const t = table(parseCsv(`a,b,c\n${rows}`, { maxClasses: 10 }));
    expect(t.classes).toHaveLength(10);
    expect(t.problems).toHaveLength(1);
    expect(t.problems[0]!.line).toBe(12);
    expect(t.problems[0]!.message).toMatch(/an 11th label “10”: “c” may hold at most 10 values/);
    // maxClasses beyond 10 is held at 10; below 2 at 2.
    expect(table(parseCsv(`a,b,c\n${rows}`, { maxClasses: 50 })).classes).toHaveLength(10);
    expect(table(parseCsv(threeClasses, { maxClasses: 1 })).classes).toHaveLength(2);
  });
});
