import type { z } from 'zod';

import type { EventOf } from '../event-definition';
import { EventRegistry } from '../event-registry';
import type { ReportPeriodSchema} from './report-submitted.v1';
import { ReportSubmittedV1 } from './report-submitted.v1';

export * from './report-submitted.v1';

/** Every event `reporting` publishes on `taizhang.reporting.v1`, at its latest version. */
export const reportingEvents = [ReportSubmittedV1] as const;

export type ReportSubmitted = EventOf<typeof ReportSubmittedV1>;
export type ReportingEvent = ReportSubmitted;
export type ReportPeriod = z.infer<typeof ReportPeriodSchema>;

/** Validates everything on `taizhang.reporting.v1`. */
export const reportingRegistry = new EventRegistry([...reportingEvents], []);
