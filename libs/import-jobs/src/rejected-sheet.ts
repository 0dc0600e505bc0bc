import type { CellValue, ImportReason, SheetLayout } from '@taizhang/sheets';
import { readRowsAsUploaded, writeSheet } from '@taizhang/sheets';

/** The header of the column of reasons that the sheet of refused rows adds. */
export const REASON_HEADER = '未导入原因 Reason';

const reasonText = (reasons: readonly ImportReason[]): string =>
  reasons.map(({ column, zh, en }) => `${column ? `【${column}】` : ''}${zh} ${en}`).join('\n');

interface GivenBack {
  values: CellValue[];
  reasons: readonly ImportReason[];
}

/**
 * The refused rows of an upload, to correct and upload again: the uploaded sheet's header row
 * and each refused row as it came, every column (those the import does not read too), and one
 * more column with every reason in Chinese and English.
 */
export const rejectedRowsSheet = async <TColumn extends string>(
  workbook: Buffer,
  layout: SheetLayout<TColumn>,
  reasonsByRow: ReadonlyMap<number, readonly ImportReason[]>,
): Promise<Buffer> => {
  let headers: CellValue[] = [];
  const rows: GivenBack[] = [];
  for await (const { row, values } of readRowsAsUploaded(workbook, layout)) {
    if (rows.length === 0 && headers.length === 0) headers = values;
    const reasons = reasonsByRow.get(row);
    if (reasons) rows.push({ values, reasons });
  }

  return writeSheet({
    sheetName: '未导入的行',
    columns: [
      ...headers.map((header, i) => ({
        header: header === null ? '' : String(header),
        value: (row: GivenBack) => row.values[i] ?? null,
      })),
      { header: REASON_HEADER, width: 60, value: (row: GivenBack) => reasonText(row.reasons) },
    ],
    rows,
  });
};
