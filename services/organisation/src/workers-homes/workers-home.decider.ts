import type { WorkersHomeRated } from '@taizhang/contracts';
import { businessDate } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';

import type { RateWorkersHome, WorkersHomeCommand } from './workers-home.commands';

/** A union's Workers' Home (职工之家) and the titles it was given, year by year. */
export interface WorkersHome {
  ratings: {
    year: number;
    title: WorkersHomeRated['data']['title'];
    /** A 职工小家's branch unit. */
    branchId?: string;
    awardedByOrgUnitId: string;
  }[];
}

export type WorkersHomeEvent = WorkersHomeRated;

export const initialState = (): WorkersHome => ({ ratings: [] });

export const evolve = (state: WorkersHome, event: WorkersHomeEvent): WorkersHome => {
  switch (event.type) {
    case 'WorkersHomeRated': {
      const { year, title, branchId, awardedByOrgUnitId } = event.data;
      const rating = { year, title, awardedByOrgUnitId, ...(branchId ? { branchId } : {}) };

      return { ratings: [...state.ratings, rating] };
    }
    default:
      return state;
  }
};

export const rateWorkersHome = (command: RateWorkersHome, state: WorkersHome): WorkersHomeRated => {
  const { year, title, awardedOn, union, awardedBy } = command.data;
  if (union.status !== 'Registered')
    throw new NotFoundError('The union does not exist. / 工会不存在。');
  if (!awardedBy)
    throw new IllegalStateError(
      'The awarding federation does not exist. / 授予单位不存在。',
      'AWARDING_UNIT_NOT_FOUND',
    );
  // Only a federation above the union confers the title (its path is a prefix of the union's).
  if (!union.orgPath.startsWith(`${awardedBy.orgPath}/`))
    throw new IllegalStateError(
      'Only a federation above the union can rate its Workers’ Home. / 只有上级工会可以命名职工之家。',
      'AWARDING_UNIT_NOT_ABOVE',
    );
  const today = businessDate(command.metadata.now);
  if (awardedOn > today || year > Number(today.slice(0, 4)))
    throw new IllegalStateError(
      'A rating cannot be dated in the future. / 命名日期不能晚于今天。',
      'DATE_IN_FUTURE',
    );
  if (
    state.ratings.some(
      (rating) => rating.year === year && rating.title === title && rating.branchId === undefined,
    )
  )
    throw new IllegalStateError(
      `The union already holds this title for ${year}. / 该工会${year}年度已获此命名。`,
      'ALREADY_RATED',
      { year, title },
    );

  return {
    type: 'WorkersHomeRated',
    data: { unionId: union.id, year, title, awardedByOrgUnitId: awardedBy.id, awardedOn },
  };
};

// One command so far: a switch over it cannot check exhaustiveness; make it one with the second.
export const decide = (command: WorkersHomeCommand, state: WorkersHome): WorkersHomeEvent =>
  rateWorkersHome(command, state);

export const workersHomeDecider: Decider<WorkersHome, WorkersHomeCommand, WorkersHomeEvent> = {
  decide,
  evolve,
  initialState,
};
