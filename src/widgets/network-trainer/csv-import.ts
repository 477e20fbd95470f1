/**
 * A CSV file as the trainer's data, as pure functions: what was read (the report shown under the
 * text box), which two columns a wider file offers, and the attribute changes that make it the
 * data (dataset "custom", the points, the axes' and the label's names, the classes); and the
 * two DOM steps around them, reading a chosen file and offering the data as a download.
 */
import { parseCsv } from '../../math/csv';
import type { CsvTable } from '../../math/csv';
import type { ClassPoint } from '../../math/datasets';
import { formatNumber } from '../../math/format';
import { formatPoints } from '../../math/trainer-setup';
import { MAX_CLASSES } from './data';
import { csvClassNote } from './describe';
import type { CsvReport } from './points-panel';

/** The columns of a file with more than two number columns, and the pair shown. */
export interface CsvColumns {
  table: CsvTable;
  x: number;
  y: number;
}

/** What reading a CSV text gives: the report, the column choice, and the data (null: none). */
export interface CsvImport {
  report: CsvReport;
  columns: CsvColumns | null;
  table: CsvTable | null;
}

export function importCsv(text: string): CsvImport {
  const result = parseCsv(text, { maxClasses: MAX_CLASSES });
  if (!result.ok) {
    return {
      report: { error: result.error, problems: result.problems, notes: [] },
      columns: null,
      table: null,
    };
  }
  const rows = formatNumber(result.rows.length, 0);
  const used =
    result.problems.length === 0 && !result.capped
      ? `Using all ${rows} rows.`
      : `Using ${rows} of ${formatNumber(result.totalRows, 0)} rows.`;
  const notes = [...result.notes];
  if (result.features.length > 2) {
    notes.push(
      `The file has ${result.features.length} number columns; the plot shows two at a time — choose them below.`,
    );
  }
  return {
    report: { used: `${used} ${csvClassNote(result.classes)}`, problems: result.problems, notes },
    columns: result.features.length > 2 ? { table: result, x: 0, y: 1 } : null,
    table: result,
  };
}

/** The attribute changes that make columns `xCol` and `yCol` of a table the trainer's data. */
export function csvSetup(
  table: CsvTable,
  xCol: number,
  yCol: number,
): {
  datasetName: 'custom';
  points: string;
  xLabel: string;
  yLabel: string;
  labelName: string;
  classes: string;
} {
  const points: ClassPoint[] = table.rows.map((row, i) => ({
    x: row[xCol]!,
    y: row[yCol]!,
    label: table.labels[i]!,
  }));
  return {
    datasetName: 'custom',
    points: formatPoints(points),
    xLabel: table.features[xCol] ?? 'x₁',
    yLabel: table.features[yCol] ?? 'x₂',
    labelName: table.labelName,
    classes: table.classes.map((c) => c.replace(/,/g, ' ')).join(','),
  };
}

/** A file's text as a CSV import, or a report saying why it could not be read. */
export async function importCsvFile(file: File): Promise<CsvImport> {
  try {
    return importCsv(await file.text());
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const report = { error: `The file could not be read: ${why}`, problems: [], notes: [] };
    return { report, columns: null, table: null };
  }
}

/** Offer text as a file to download (the data as CSV). */
export function download(text: string, name: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
