import type { BargainingSeasonEvent } from '@taizhang/contracts';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, unknownCommand } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';

import type { SeasonCommand } from './season.commands';
import type { BargainingSeason } from './season.state';
import { initialState } from './season.state';

export { initialState };

export const evolve = (state: BargainingSeason, event: BargainingSeasonEvent): BargainingSeason =>
  event.type === 'BargainingSeasonLaunched' ? { status: 'Launched', ...event.data } : state;

export const decide = (
  command: UnderRules<SeasonCommand>,
  state: BargainingSeason,
): BargainingSeasonEvent => {
  if (command.type !== 'LaunchSeason') return unknownCommand(command.type);
  const { seasonId, federation, name, from, to, targetRequests } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError('The season is already launched. / 该行动季已发起。', 'SEASON_EXISTS');
  if (federation.ended)
    throw new IllegalStateError(
      'The federation has been dissolved or merged. / 该工会组织已撤销或合并。',
      'UNION_ENDED',
    );
  if (to < from)
    throw new IllegalStateError(
      'The season ends before it begins. / 行动季结束日期早于开始日期。',
      'SEASON_ENDS_BEFORE_START',
    );

  return {
    type: 'BargainingSeasonLaunched',
    data: { seasonId, orgUnitId: federation.id, name, from, to, targetRequests },
  };
};

export const seasonDecider: Decider<
  BargainingSeason,
  UnderRules<SeasonCommand>,
  BargainingSeasonEvent
> = { decide, evolve, initialState };
