import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { localInputOf } from '../drill/known-at';
import { childOf, summaryOf } from '../testing/summaries';
import { DEFINITIONS_SHEET, STATISTICS_SHEET, writeStatistics } from './statistics-sheet';

const readBack = async (asOf?: string, knownAt?: string) => {
  const written = writeStatistics(new ExcelJS.Workbook(), {
    unitName: '和平区总工会',
    asOf,
    knownAt,
    summary: summaryOf({ orgUnitId: 'd1' }),
    children: [childOf(1), childOf(2, { unionisationRate: null, name: null })],
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await written.xlsx.writeBuffer());

  return workbook;
};

describe('the statistics sheet of a view', () => {
  it('has a title line, Chinese headers, the unit’s total and a row per unit below', async () => {
    const sheet = (await readBack('2025-12-31')).getWorksheet(STATISTICS_SHEET)!;
    expect(sheet.getCell('A1').value).toBe('和平区总工会 工会统计表（截至 2025年12月31日 日终）');
    expect((sheet.getRow(2).values as unknown[]).slice(1, 6)).toEqual([
      '名称',
      '类型',
      '基层工会数',
      '单位数',
      '已建会单位数',
    ]);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 4)).toEqual(['和平区总工会', '合计', 12]);
    expect(sheet.getRow(4).getCell(1).value).toBe('第1街道工会');
    expect(sheet.getRow(4).getCell(2).value).toBe('街道工会');
    // A rate stays a number, shown as a percentage of one decimal.
    expect(sheet.getRow(3).getCell(6).value).toBe(0.75);
    expect(sheet.getRow(3).getCell(6).numFmt).toBe('0.0%');
    expect(sheet.getRow(5).getCell(1).value).toBe('child-2');
    expect(sheet.getRow(5).getCell(6).value).toBe('无分母，无法计算');
    expect(sheet.rowCount).toBe(5);
  });

  it('names the instant the figures are as known at in the title', async () => {
    const knownAt = '2026-01-15T00:00:00Z';
    const sheet = (await readBack('2025-12-31', knownAt)).getWorksheet(STATISTICS_SHEET)!;
    // The instant as the officer picked it, in the browser's time.
    const picked = localInputOf(knownAt).replace('T', ' ');
    expect(sheet.getCell('A1').value).toBe(
      `和平区总工会 工会统计表（截至 2025年12月31日 日终，按 ${picked} 前的录入）`,
    );
  });

  it('defines every figure on a second sheet, with its source', async () => {
    const definitions = (await readBack()).getWorksheet(DEFINITIONS_SHEET)!;
    expect((definitions.getRow(1).values as unknown[]).slice(1)).toEqual(['指标', '定义', '来源']);
    const rows = definitions.getSheetValues().slice(2) as unknown[][];
    const rate = rows.find((row) => row[1] === '建会率')!;
    expect(rate[2]).toBe('建会率 = 已建会单位数 ÷ 单位数（单位台账）。');
    expect(rate[3]).toContain('截至当前');
    expect(rate[3]).toContain('单位台账');
    expect(rows).toHaveLength(10);
  });
});
