import { figureSetMigration, LATENESS } from '../../as-of';

/**
 * Lateness by month and lag (录入及时性), a figure set of its own. Filled from events as they come:
 * after deploying it on a filled database, rebuild the read model from the topic to count the past.
 */
export const CreateLateness1767600000002 = figureSetMigration(LATENESS, 1767600000002);
