import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { Union } from '../unions/union.decider';
import type { RateWorkersHome } from './workers-home.commands';
import type { WorkersHomeEvent } from './workers-home.decider';
import { workersHomeDecider } from './workers-home.decider';

const spec = DeciderSpecification.for(workersHomeDecider);
const metadata = commandMetadata({ now: '2026-05-01T02:00:00Z' });
const union: Union = {
  status: 'Registered',
  id: 'u1',
  name: '沈阳机床厂工会',
  parentId: 's1',
  orgPath: 'm1/d1/s1/u1',
  establishedOn: '1998-05-01',
};
const district = { id: 'd1', kind: 'district' as const, orgPath: 'm1/d1' };
const rate = (data: Partial<RateWorkersHome['data']> = {}): RateWorkersHome => ({
  type: 'RateWorkersHome',
  data: {
    year: 2025,
    title: 'model_workers_home',
    awardedOn: '2026-04-28',
    union,
    awardedBy: district,
    ...data,
  },
  metadata,
});
const rated: WorkersHomeEvent = {
  type: 'WorkersHomeRated',
  data: {
    unionId: 'u1',
    year: 2025,
    title: 'model_workers_home',
    awardedByOrgUnitId: 'd1',
    awardedOn: '2026-04-28',
  },
};

describe('Workers’ Home ratings (职工之家)', () => {
  it('records a title conferred by a federation above the union', () =>
    spec.given([]).when(rate()).then(rated));

  it('refuses a title from a federation that is not above the union', () =>
    spec
      .given([])
      .when(rate({ awardedBy: { id: 'd2', kind: 'district', orgPath: 'm1/d2' } }))
      .thenThrows(IllegalStateError, /above the union/));

  it('refuses the same title twice for one year, but not another year', () => {
    spec
      .given([rated])
      .when(rate())
      .thenThrows(IllegalStateError, /already holds/);
    spec
      .given([rated])
      .when(rate({ year: 2024 }))
      .then({ ...rated, data: { ...rated.data, year: 2024 } });
  });

  it('refuses a future year and an unknown union', () => {
    spec
      .given([])
      .when(rate({ year: 2027 }))
      .thenThrows(IllegalStateError, /future/);
    spec
      .given([])
      .when(rate({ union: { status: 'None' } }))
      .thenThrows(NotFoundError);
  });
});
