import { CreateDeadlines1766000001000 } from './1766000001000-create-deadlines';

/** The deadlines table, for the migrations of a service that declares clocks. */
export const deadlinesMigrations = [CreateDeadlines1766000001000];
