export { SeasonsController } from './seasons.controller';
