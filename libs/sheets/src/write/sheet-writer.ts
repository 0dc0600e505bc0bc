import ExcelJS from 'exceljs';

import type { CellValue } from '../read/sheet-reader';

/** A column of an exported sheet: its Chinese header and how wide it is shown (characters). */
export interface ExportColumn<TRow> {
  header: string;
  value: (row: TRow) => CellValue;
  width?: number;
}

/** An export: the sheet's name, a title row above the headers if wanted, the columns, the rows. */
export interface SheetExport<TRow> {
  sheetName: string;
  /** A line above the headers, e.g. "和平区单位台账（截至2024-06-30）"; the reader skips it. */
  title?: string;
  columns: readonly ExportColumn<TRow>[];
  rows: Iterable<TRow>;
}

// A header's width in characters: a CJK character takes two.
const widthOf = (text: string): number =>
  [...text].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/**
 * Writes an export as an .xlsx workbook of one sheet with Chinese headers, bold and frozen. Text
 * stays text (an ID card number or a credit code is never turned into a number, which would lose
 * digits), so what the import reads back is what was exported.
 */
export const writeSheet = async <TRow>(sheet: SheetExport<TRow>): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const worksheet = book.addWorksheet(sheet.sheetName, {
    views: [{ state: 'frozen', ySplit: sheet.title === undefined ? 1 : 2 }],
  });
  if (sheet.title !== undefined) worksheet.addRow([sheet.title]).font = { bold: true };
  worksheet.addRow(sheet.columns.map((column) => column.header)).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    worksheet.getColumn(i + 1).width = column.width ?? Math.max(10, widthOf(column.header) + 2);
  });
  for (const row of sheet.rows) worksheet.addRow(sheet.columns.map((column) => column.value(row)));

  return Buffer.from(await book.xlsx.writeBuffer());
};
