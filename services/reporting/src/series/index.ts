export { SeriesController } from './series.controller';
