import type { Workbook } from 'exceljs';

import type { ChildSummary, Summary } from '../api/reports';
import { localInputOf } from '../drill/known-at';
import { kindLabel } from '../drill/unit-kind';
import { i18nOf } from '../i18n/i18n';
import { figureSource } from './figure-value';
import { FIGURES, TABLE_COLUMNS } from './figures';

export interface StatisticsView {
  unitName: string;
  asOf: string | undefined;
  /** As known at this instant (`?knownAt=`), named in the title. */
  knownAt?: string | undefined;
  summary: Summary;
  children: readonly ChildSummary[];
}

export const STATISTICS_SHEET = '统计表';
export const DEFINITIONS_SHEET = '指标说明';

/**
 * A view's statistics as a workbook, always in Chinese (the federations' filing language): the
 * unit and each unit below it with every figure of the table (rates as percentages of one
 * decimal), and on a second sheet what each figure counts and where it comes from.
 */
export const writeStatistics = (workbook: Workbook, view: StatisticsView): Workbook => {
  const zh = i18nOf('zh-CN');
  const day = view.asOf ? zh.t('asOfDay', { date: zh.date(view.asOf) }) : zh.t('asOfNow');
  const when = view.knownAt
    ? `${day}，${zh.t('knownAtLine', { instant: localInputOf(view.knownAt).replace('T', ' ') })}`
    : day;
  const sheet = workbook.addWorksheet(STATISTICS_SHEET);
  sheet.addRow([`${view.unitName} 工会统计表（${when}）`]).font = { bold: true, size: 14 };
  const header = sheet.addRow([
    zh.t('name'),
    zh.t('kind'),
    ...TABLE_COLUMNS.map((key) => FIGURES[key].label['zh-CN']),
  ]);
  header.font = { bold: true };
  const row = (name: string, kind: string, summary: Summary) =>
    sheet.addRow([
      name,
      kind,
      ...TABLE_COLUMNS.map((key) =>
        FIGURES[key].kind === 'rate'
          ? (summary[key] ?? zh.t('noDenominator'))
          : (summary[key] ?? 0),
      ),
    ]);
  row(view.unitName, '合计', view.summary).font = { bold: true };
  for (const child of view.children)
    row(child.name ?? child.orgUnitId, kindLabel(zh, child.kind), child);
  TABLE_COLUMNS.forEach((key, index) => {
    const column = sheet.getColumn(index + 3);
    column.width = 14;
    if (FIGURES[key].kind === 'rate') column.numFmt = '0.0%';
  });
  sheet.getColumn(1).width = 32;
  sheet.getColumn(2).width = 14;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];

  const definitions = workbook.addWorksheet(DEFINITIONS_SHEET);
  definitions.addRow(['指标', '定义', '来源']).font = { bold: true };
  for (const key of TABLE_COLUMNS)
    definitions.addRow([
      FIGURES[key].label['zh-CN'],
      FIGURES[key].definition['zh-CN'],
      figureSource(zh, view.summary, key, view.asOf),
    ]);
  definitions.getColumn(1).width = 22;
  definitions.getColumn(2).width = 60;
  definitions.getColumn(3).width = 60;

  return workbook;
};
