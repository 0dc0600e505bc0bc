import type { ImportReason, SheetLayout } from '@taizhang/sheets';
import { headerOf, readSheet, writeSheet } from '@taizhang/sheets';

/** The header of the column of reasons that the sheet of refused rows adds. */
export const REASON_HEADER = '未导入原因 Reason';

const reasonText = (reasons: readonly ImportReason[]): string =>
  reasons
    .map(({ column, zh, en }) => `${column ? `【${column}】` : ''}${zh} ${en}`)
    .join('\n');

/**
 * The refused rows of an upload, to correct and upload again: the sheet's columns under the
 * headers the import reads (so the file imports as it is), each row's cells as uploaded, and
 * one more column with every reason in Chinese and English.
 */
export const rejectedRowsSheet = async <TColumn extends string>(
  workbook: Buffer,
  layout: SheetLayout<TColumn>,
  reasonsByRow: ReadonlyMap<number, readonly ImportReason[]>,
): Promise<Buffer> => {
  const columns = Object.keys(layout.headers) as TColumn[];
  const rows: { cells: Record<TColumn, string | number | null>; reasons: readonly ImportReason[] }[] =
    [];
  for await (const { row, cells } of readSheet(workbook, layout)) {
    const reasons = reasonsByRow.get(row);
    if (reasons) rows.push({ cells, reasons });
  }

  return writeSheet({
    sheetName: '未导入的行',
    columns: [
      ...columns.map((column) => ({
        header: headerOf(layout, column),
        value: (row: (typeof rows)[number]) => row.cells[column],
      })),
      { header: REASON_HEADER, width: 60, value: (row) => reasonText(row.reasons) },
    ],
    rows,
  });
};
