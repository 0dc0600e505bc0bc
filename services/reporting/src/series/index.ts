export { MAX_SERIES_POINTS, MONTH, monthlyPeriods } from './months';
export { SeriesController } from './series.controller';
