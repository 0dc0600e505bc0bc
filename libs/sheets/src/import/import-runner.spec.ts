import { writeSheet } from '../write/sheet-writer';
import type { RowOutcome } from './import-runner';
import { runImport } from './import-runner';

type Column = 'code' | 'name';
interface Rejected {
  row: number;
  reasons: { code: string; column: string | null; zh: string; en: string }[];
}

const LAYOUT = { headers: { code: '代码', name: '名称' }, required: ['code'] } as const;

const workbookOf = (rows: [string, string][]) =>
  writeSheet({
    sheetName: '导入',
    columns: [
      { header: '代码', value: ([code]: [string, string]) => code },
      { header: '名称', value: ([, name]) => name },
    ],
    rows,
  });

const refused = (row: number, code: string): { rejected: Rejected } => ({
  rejected: { row, reasons: [{ code, column: '名称', zh: '无效。', en: 'Invalid.' }] },
});

// Records a batch after a delay that shrinks with its first row, so later batches finish first.
const importOf = (batches: number[][], { failOn }: { failOn?: string } = {}) => ({
  layout: LAYOUT,
  batchRows: 2,
  inFlight: 2,
  prepare: ({ row, cells }: { row: number; cells: Record<Column, unknown> }) =>
    cells.name === '' || cells.name === null
      ? refused(row, 'MISSING_VALUE')
      : { prepared: { row, code: String(cells.code) } },
  record: async (batch: { row: number; code: string }[]) => {
    batches.push(batch.map(({ row }) => row));
    await new Promise((resolve) => setTimeout(resolve, 50 - batch[0]!.row * 5));
    if (batch.some(({ code }) => code === failOn)) throw new Error('database gone');

    return batch.map(({ row, code }): RowOutcome<{ row: number; id: string }, Rejected> =>
      code.startsWith('old')
        ? { already: { row, id: code } }
        : code.startsWith('bad')
          ? refused(row, 'RULE_BROKEN')
          : { recorded: { row, id: code } },
    );
  },
  pastLastRow: (row: number, reason: Rejected['reasons'][number]) => ({ row, reasons: [reason] }),
});

describe('running an import', () => {
  it('records prepared rows in batches and tallies every outcome in row order', async () => {
    const batches: number[][] = [];
    const workbook = await workbookOf([
      ['a1', '甲'],
      ['old-2', '乙'],
      ['a3', ''],
      ['bad-4', '丁'],
      ['old-5', '戊'],
      ['a6', '己'],
    ]);

    const tally = await runImport(workbook, importOf(batches));

    expect(batches).toEqual([[2, 3], [5, 6], [7]]);
    expect(tally).toEqual({
      rows: 6,
      recorded: 2,
      created: [
        { row: 2, id: 'a1' },
        { row: 7, id: 'a6' },
      ],
      already: [
        { row: 3, id: 'old-2' },
        { row: 6, id: 'old-5' },
      ],
      rejected: [refused(4, 'MISSING_VALUE').rejected, refused(5, 'RULE_BROKEN').rejected],
    });
  });

  it('throws a failure of the recording only once all the work under way has settled', async () => {
    const batches: number[][] = [];
    const workbook = await workbookOf([
      ['a1', '甲'],
      ['fail', '乙'],
      ['a3', '丙'],
      ['a4', '丁'],
    ]);
    let settled = 0;
    const plan = importOf(batches, { failOn: 'fail' });
    const record = plan.record;
    plan.record = (batch) => record(batch).finally(() => (settled += 1));

    await expect(runImport(workbook, plan)).rejects.toThrow('database gone');
    expect(settled).toBe(batches.length);
  });

  it('refuses a workbook without the required header as a whole', async () => {
    const workbook = await writeSheet({
      sheetName: '导入',
      columns: [{ header: '名称', value: () => '甲' }],
      rows: [1],
    });

    await expect(runImport(workbook, importOf([]))).rejects.toMatchObject({
      code: 'SHEET_HEADERS_MISSING',
      zh: expect.stringContaining('代码') as string,
    });
  });
});
