export { LatenessController } from './lateness.controller';
export { projectLateness } from './lateness.projection';
