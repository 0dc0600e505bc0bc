import { Readable } from 'node:stream';

import ExcelJS from 'exceljs';

import { notAWorkbook, SheetError, SheetErrorCode } from './sheet.error';
import { checkWorkbookSize } from './workbook-size';

/** A cell as a row parser sees it: text, a number, or nothing. */
export type CellValue = string | number | null;

/** One data row of a sheet, by its row number in Excel. */
export interface SheetRow<TColumn extends string> {
  row: number;
  cells: Record<TColumn, CellValue>;
}

/** The columns of a sheet: each field's header (or the headers it goes by), and which must be there. */
export interface SheetLayout<TColumn extends string> {
  headers: Record<TColumn, string | readonly string[]>;
  /** Columns the header row must have; the first one tells the header row apart from a title. */
  required: readonly [TColumn, ...TColumn[]];
}

// A title row or two (e.g. "和平区单位台账") may stand above the headers.
const HEADER_SEARCH_ROWS = 10;

type RawValue = ExcelJS.CellValue | { sharedString: number };

// Headers as people type them: spaces or line breaks inside, a leading * for "required", a unit.
export const normaliseHeader = (text: string): string =>
  text
    .replace(/\s+/g, '')
    .replace(/^\*+/, '')
    .replace(/[（(]人[）)]$/, '');

// Rich text, formulas, hyperlinks and errors reduced to what a person reads in the cell.
const cellValue = (value: RawValue): CellValue => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);

  return compositeValue(value);
};

function compositeValue(
  value: Exclude<RawValue, string | number | boolean | Date | null | undefined>,
): CellValue {
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellValue(value.result);
  if ('text' in value && typeof value.text === 'string') return value.text;

  return null;
}

export const isBlank = (value: CellValue): value is null | '' =>
  value === null || (typeof value === 'string' && value.trim() === '');

const namesOf = (header: string | readonly string[]): readonly string[] =>
  typeof header === 'string' ? [header] : header;

/** The header a field is known by in messages (its first name). */
export const headerOf = <TColumn extends string>(
  layout: SheetLayout<TColumn>,
  field: TColumn,
): string => namesOf(layout.headers[field])[0]!;

const headerColumns = <TColumn extends string>(
  row: ExcelJS.Row,
  layout: SheetLayout<TColumn>,
): Map<TColumn, number> | null => {
  const found = new Map<string, number>();
  row.eachCell((cell, column) => {
    const text = cellValue(cell.value);
    if (typeof text === 'string') found.set(normaliseHeader(text), column);
  });
  const columnOf = (field: TColumn) =>
    namesOf(layout.headers[field])
      .map((name) => found.get(name))
      .find((column) => column !== undefined);
  if (columnOf(layout.required[0]) === undefined) return null;
  const columns = new Map<TColumn, number>();
  for (const field of Object.keys(layout.headers) as TColumn[]) {
    const column = columnOf(field);
    if (column !== undefined) columns.set(field, column);
  }
  const missing = layout.required
    .filter((field) => !columns.has(field))
    .map((f) => headerOf(layout, f));
  if (missing.length > 0)
    throw new SheetError(
      SheetErrorCode.HeadersMissing,
      {
        en: `The header row (row ${row.number}) lacks the columns ${missing.join(', ')}.`,
        zh: `表头（第${row.number}行）缺少以下列：${missing.join('、')}。`,
      },
      { missing },
    );

  return columns;
};

const noHeaders = <TColumn extends string>(layout: SheetLayout<TColumn>): SheetError => {
  const required = layout.required.map((field) => headerOf(layout, field));

  return new SheetError(
    SheetErrorCode.HeadersMissing,
    {
      en: `No header row with ${required.join(', ')} in the first ${HEADER_SEARCH_ROWS} rows of the first sheet.`,
      zh: `第一个工作表的前${HEADER_SEARCH_ROWS}行中没有表头（${required.join('、')}）。`,
    },
    { missing: required },
  );
};

async function* rowsOfFirstSheet(workbook: Buffer): AsyncGenerator<ExcelJS.Row> {
  await checkWorkbookSize(workbook);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([workbook]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets += 1;
      // Only the first sheet is read; the others are read through, so that exceljs closes and
      // removes the temporary files it may have parked them in.
      for await (const row of worksheet) if (sheets === 1) yield row;
    }
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw notAWorkbook();
  }
  if (sheets === 0) throw notAWorkbook();
}

/**
 * Streams the data rows of the first sheet of an .xlsx (exceljs's streaming reader), after
 * checking what it decompresses to. The header row is found within the first ten rows, columns
 * in any order; a column the layout does not require may be absent (its cells read as null).
 * Blank rows are skipped. An unreadable file or missing headers is a SheetError (422).
 */
export async function* readSheet<TColumn extends string>(
  workbook: Buffer,
  layout: SheetLayout<TColumn>,
): AsyncGenerator<SheetRow<TColumn>> {
  const fields = Object.keys(layout.headers) as TColumn[];
  let columns: Map<TColumn, number> | null = null;
  for await (const row of rowsOfFirstSheet(workbook)) {
    if (!columns) {
      columns = headerColumns(row, layout);
      if (!columns && row.number >= HEADER_SEARCH_ROWS) throw noHeaders(layout);
      continue;
    }
    const found = columns;
    const cells = Object.fromEntries(
      fields.map((field) => {
        const column = found.get(field);

        return [field, column === undefined ? null : cellValue(row.getCell(column).value)];
      }),
    ) as Record<TColumn, CellValue>;
    if (Object.values<CellValue>(cells).every(isBlank)) continue;
    yield { row: row.number, cells };
  }
  if (!columns) throw noHeaders(layout);
}

/**
 * The first sheet from its header row on (found as `readSheet` finds it), every column as
 * uploaded, those the layout does not know too (序号, 备注): to give rows back as they came, the
 * refused rows of an import say. The header row comes first.
 */
export async function* readRowsAsUploaded<TColumn extends string>(
  workbook: Buffer,
  layout: SheetLayout<TColumn>,
): AsyncGenerator<{ row: number; values: CellValue[] }> {
  let header = false;
  for await (const row of rowsOfFirstSheet(workbook)) {
    if (!header && !headerColumns(row, layout)) {
      if (row.number >= HEADER_SEARCH_ROWS) throw noHeaders(layout);
      continue;
    }
    header = true;
    // Holes (cells never written) read as null.
    yield { row: row.number, values: Array.from((row.values as RawValue[]).slice(1), cellValue) };
  }
  if (!header) throw noHeaders(layout);
}
