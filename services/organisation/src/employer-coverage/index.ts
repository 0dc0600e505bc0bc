export { keepEmployerCoverage } from './employer-coverage';
