import { Readable } from 'node:stream';

import ExcelJS from 'exceljs';

import { EmployerImportErrorCode, SheetError } from './employer-import.error';
import type { EmployerColumn } from './employer-sheet.columns';
import { EMPLOYER_COLUMNS, normaliseHeader } from './employer-sheet.columns';

/** A cell as the row parser sees it: text, a number, or nothing. */
export type CellValue = string | number | null;

/** One data row of the sheet, by its row number in Excel. */
export interface SheetRow {
  row: number;
  cells: Record<EmployerColumn, CellValue>;
}

// A title row or two (e.g. "和平区单位台账") may stand above the headers.
const HEADER_SEARCH_ROWS = 10;

type RawValue = ExcelJS.CellValue | { sharedString: number };

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

const isBlank = (value: CellValue): boolean =>
  value === null || (typeof value === 'string' && value.trim() === '');

const headerColumns = (row: ExcelJS.Row): Map<EmployerColumn, number> | null => {
  const found = new Map<string, number>();
  row.eachCell((cell, column) => {
    const text = cellValue(cell.value);
    if (typeof text === 'string') found.set(normaliseHeader(text), column);
  });
  if (!found.has(EMPLOYER_COLUMNS.creditCode)) return null;
  const columns = new Map<EmployerColumn, number>();
  const missing: string[] = [];
  for (const [field, header] of Object.entries(EMPLOYER_COLUMNS) as [EmployerColumn, string][]) {
    const column = found.get(header);
    if (column === undefined) missing.push(header);
    else columns.set(field, column);
  }
  if (missing.length > 0)
    throw new SheetError(
      EmployerImportErrorCode.HeadersMissing,
      `The header row (row ${row.number}) lacks the columns ${missing.join(', ')}.`,
      `表头（第${row.number}行）缺少以下列：${missing.join('、')}。`,
      { missing },
    );

  return columns;
};

const noHeaders = (): SheetError =>
  new SheetError(
    EmployerImportErrorCode.HeadersMissing,
    `No header row with ${Object.values(EMPLOYER_COLUMNS).join(', ')} in the first ${HEADER_SEARCH_ROWS} rows of the first sheet.`,
    `第一个工作表的前${HEADER_SEARCH_ROWS}行中没有表头（${Object.values(EMPLOYER_COLUMNS).join('、')}）。`,
    { missing: Object.values(EMPLOYER_COLUMNS) },
  );

const notAWorkbook = (): SheetError =>
  new SheetError(
    EmployerImportErrorCode.InvalidWorkbook,
    'The file is not an Excel workbook (.xlsx) that can be read.',
    '文件不是可读取的Excel工作簿（.xlsx）。',
  );

async function* rowsOfFirstSheet(workbook: Buffer): AsyncGenerator<ExcelJS.Row> {
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
      // Only the first sheet is the registry; the others are read through, so that exceljs
      // closes and removes the temporary files it may have parked them in.
      for await (const row of worksheet) if (sheets === 1) yield row;
    }
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw notAWorkbook();
  }
  if (sheets === 0) throw notAWorkbook();
}

/**
 * Streams the data rows of an employer sheet (the first sheet of an .xlsx), row by row with
 * exceljs's streaming reader; blank rows are skipped. An unreadable file or missing headers is a
 * SheetError (422).
 */
export async function* readEmployerSheet(workbook: Buffer): AsyncGenerator<SheetRow> {
  let columns: Map<EmployerColumn, number> | null = null;
  for await (const row of rowsOfFirstSheet(workbook)) {
    if (!columns) {
      columns = headerColumns(row);
      if (!columns && row.number >= HEADER_SEARCH_ROWS) throw noHeaders();
      continue;
    }
    const cells = Object.fromEntries(
      [...columns].map(([field, column]) => [
        field,
        cellValue(row.getCell(column).value as RawValue),
      ]),
    ) as Record<EmployerColumn, CellValue>;
    if (Object.values(cells).every(isBlank)) continue;
    yield { row: row.number, cells };
  }
  if (!columns) throw noHeaders();
}
