export { EarlyWarningsController } from './early-warnings.controller';
