import type { BargainingSeasonEvent } from '@taizhang/contracts';
import { IllegalStateError } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { LaunchSeason } from './season.commands';
import { seasonDecider } from './season.decider';

const spec = DeciderSpecification.for(seasonDecider);
const launch = (data: Partial<LaunchSeason['data']> = {}): UnderRules<LaunchSeason> => ({
  type: 'LaunchSeason',
  data: {
    seasonId: 's1',
    federation: { id: 'd1', ended: false },
    name: '2026年工资集体协商要约行动季',
    from: '2026-03-01',
    to: '2026-05-31',
    targetRequests: 40,
    ...data,
  },
  metadata: commandMetadata({ now: '2026-03-01T02:00:00Z', actorRole: 'federation_officer' }),
  rules: NATIONAL_RULES_IN_FORCE,
});
const launched: BargainingSeasonEvent = {
  type: 'BargainingSeasonLaunched',
  data: {
    seasonId: 's1',
    orgUnitId: 'd1',
    name: '2026年工资集体协商要约行动季',
    from: '2026-03-01',
    to: '2026-05-31',
    targetRequests: 40,
  },
};

describe('wage-bargaining seasons (工资集体协商要约行动季)', () => {
  it('launches a season for the federation with its target', () =>
    spec.given([]).when(launch()).then(launched));

  it('refuses a season ending before it begins, an ended federation, a second launch', () => {
    spec
      .given([])
      .when(launch({ to: '2026-02-28' }))
      .thenThrows(IllegalStateError, /ends before/);
    spec
      .given([])
      .when(launch({ federation: { id: 'd1', ended: true } }))
      .thenThrows(IllegalStateError, /dissolved/);
    spec.given([launched]).when(launch()).thenThrows(IllegalStateError, /already/);
  });
});
