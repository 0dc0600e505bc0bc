export { readEmployerAtCurrentPath } from './employer-current-path';
