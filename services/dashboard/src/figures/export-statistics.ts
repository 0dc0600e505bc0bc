import { saveBlob } from '../api/lists';
import type { StatisticsView } from './statistics-sheet';
import { writeStatistics } from './statistics-sheet';

/**
 * Writes the view's statistics sheet in the browser and downloads it. exceljs (its browser
 * build, ~250 kB gzip) is imported only here, so it is a chunk of its own loaded on the click.
 */
export const exportStatistics = async (view: StatisticsView, filename: string): Promise<void> => {
  const loaded = await import('exceljs');
  // The browser build is a UMD bundle: its exports sit on `default` once bundled.
  const { Workbook } = (loaded.default as typeof loaded.default | undefined) ?? loaded;
  const workbook = writeStatistics(new Workbook(), view);
  const buffer = await workbook.xlsx.writeBuffer();
  saveBlob(
    new Blob([buffer], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
    filename,
  );
};
