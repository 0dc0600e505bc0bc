export { EarlyWarningsController } from './early-warnings.controller';
export { warningHandover } from './warning-handover';
