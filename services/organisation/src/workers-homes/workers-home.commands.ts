import type { Command } from '@taizhang/event-store';

import type { ParentRef } from '../org-units';
import type { Union } from '../unions';

/** A federation rates a union's Workers' Home (职工之家) for a year. */
export type RateWorkersHome = Command<
  'RateWorkersHome',
  {
    year: number;
    title: 'workers_home' | 'model_workers_home';
    awardedOn: string;
    /** The union and the awarding federation, as their own streams say. */
    union: Union;
    awardedBy: ParentRef | null;
  }
>;

export type WorkersHomeCommand = RateWorkersHome;
