export { CreateWorkersHomeRatings1767300000001 } from './migrations/1767300000001-create-workers-home-ratings';
export { projectWorkersHomeRatings } from './workers-home-ratings.projection';
export { WorkersHomesController } from './workers-homes.controller';
