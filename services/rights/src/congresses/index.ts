export { CongressesController } from './congresses.controller';
export { loadCongressInScope } from './congress-streams';
