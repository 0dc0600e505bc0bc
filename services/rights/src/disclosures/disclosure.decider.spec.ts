import type { DisclosureEvent } from '@taizhang/contracts';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type {
  DisclosureCommand,
  RecordDisclosure,
  WithdrawDisclosure,
} from './disclosure.commands';
import { disclosureDecider } from './disclosure.decider';

const spec = DeciderSpecification.for(disclosureDecider);
const metadata = commandMetadata({ now: '2026-03-20T02:00:00Z', actorRole: 'union_cadre' });
const under = <C extends DisclosureCommand>(command: C): UnderRules<C> => ({
  ...command,
  rules: NATIONAL_RULES_IN_FORCE,
});
const responsiblePersons = {
  firstResponsible: '张书记',
  firstExecutor: '李厂长',
  firstSupervisor: '王主席',
  firstEvaluator: '全体职工',
};
const record = (data: Partial<RecordDisclosure['data']> = {}) =>
  under<RecordDisclosure>({
    type: 'RecordDisclosure',
    data: {
      disclosureId: 'd1',
      union: { id: 'u1', ended: false },
      kind: 'factory',
      disclosedOn: '2026-03-18',
      items: ['wages_bonuses', 'social_insurance'],
      audience: 'all_workers',
      channel: 'notice_board',
      responsiblePersons,
      notes: '一季度奖金分配方案',
      ...data,
    },
    metadata,
  });
const recorded: DisclosureEvent = {
  type: 'DisclosureRecorded',
  data: {
    disclosureId: 'd1',
    unionId: 'u1',
    kind: 'factory',
    disclosedOn: '2026-03-18',
    items: ['wages_bonuses', 'social_insurance'],
    audience: 'all_workers',
    channel: 'notice_board',
    responsiblePersons,
    notes: '一季度奖金分配方案',
  },
};
const withdraw = (withdrawnOn = '2026-03-19') =>
  under<WithdrawDisclosure>({
    type: 'WithdrawDisclosure',
    data: { withdrawnOn, reason: '误登记' },
    metadata,
  });
const withdrawn: DisclosureEvent = {
  type: 'DisclosureWithdrawn',
  data: {
    disclosureId: 'd1',
    unionId: 'u1',
    disclosedOn: '2026-03-18',
    withdrawnOn: '2026-03-19',
    reason: '误登记',
  },
};

describe('Affairs disclosure (厂务公开/校务公开)', () => {
  it('records what was made public, to whom, how and who answers for it', () =>
    spec.given([]).when(record()).then(recorded));

  it('records a school’s disclosure (校务公开) and no notes', () =>
    spec
      .given([])
      .when(record({ kind: 'school', notes: null, items: ['promotion'] }))
      .then({
        ...recorded,
        data: { ...recorded.data, kind: 'school', notes: null, items: ['promotion'] },
      }));

  it('refuses an item named twice, a future day, an ended union, a second record', () => {
    spec
      .given([])
      .when(record({ items: ['welfare', 'welfare'] }))
      .thenThrows(IllegalStateError, /twice/);
    spec
      .given([])
      .when(record({ disclosedOn: '2026-03-21' }))
      .thenThrows(IllegalStateError, /future/);
    spec
      .given([])
      .when(record({ union: { id: 'u1', ended: true } }))
      .thenThrows(IllegalStateError, /dissolved/);
    spec
      .given([recorded])
      .when(record())
      .thenThrows(IllegalStateError, /already/);
  });

  it('withdraws a disclosure recorded in error, once, dated from it up to today', () => {
    spec.given([recorded]).when(withdraw()).then(withdrawn);
    spec
      .given([recorded, withdrawn])
      .when(withdraw())
      .thenThrows(IllegalStateError, /already withdrawn/);
    spec
      .given([recorded])
      .when(withdraw('2026-03-17'))
      .thenThrows(IllegalStateError, /before the disclosure/);
    spec
      .given([recorded])
      .when(withdraw('2026-03-21'))
      .thenThrows(IllegalStateError, /future/);
    spec.given([]).when(withdraw()).thenThrows(NotFoundError);
  });
});
