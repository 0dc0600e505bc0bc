export { CongressesController } from './congresses.controller';
