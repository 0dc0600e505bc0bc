import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import { committeeTookOffice } from '../../test/unions/union-events';
import type { CommitteeSeat, OfficeHolder } from './committee-rules';
import { electedCadreId } from './decide/cadres';
import type { UnionCommand } from './union.commands';
import type { Union, UnionEvent } from './union.decider';
import { evolve, initialState, unionDeciderUnder } from './union.decider';

const spec = DeciderSpecification.for(unionDeciderUnder(NATIONAL_RULES_IN_FORCE));
const metadata = commandMetadata({ now: '2026-03-10T02:00:00Z' });
const committee: CommitteeSeat[] = [
  { name: '麻军峰', post: 'chair' },
  { name: '吕波', post: 'vice_chair' },
  { name: '布润宁', post: 'member' },
];
const offices: OfficeHolder[] = [
  { name: '杨冬利', office: 'women_committee_chair' },
  { name: '吕波', office: 'audit_committee_chair' },
];
const approved: UnionEvent = {
  type: 'UnionApplicationApproved',
  data: { unionId: 'u1', approvedOn: '2021-02-01' },
};
const submitted: UnionEvent = {
  type: 'UnionApplicationSubmitted',
  data: {
    unionId: 'u1',
    proposedName: '天域公司工会',
    parentId: 's1',
    orgPath: 'm1/d1/s1/u1',
    employerIds: ['e1'],
    preparatoryGroup: [{ name: '麻军峰', role: '组长' }],
    submittedOn: '2021-01-10',
  },
};
const established: UnionEvent = {
  type: 'UnionEstablished',
  data: {
    unionId: 'u1',
    name: '天域公司工会',
    parentId: 's1',
    orgPath: 'm1/d1/s1/u1',
    establishedOn: '2021-03-09',
    employerIds: ['e1'],
    congress: { entitledVoters: 60, present: 45 },
    committee,
    offices,
    termYears: 5,
    termEndsOn: '2026-03-08',
  },
};
const foundingCadres = committeeTookOffice('2021-03-09', committee, { offices });
const firstIds = [0, 1, 2, 3, 4].map((seat) => electedCadreId('u1', 1, seat));
const newCommittee: CommitteeSeat[] = [
  { name: '吕波', post: 'chair' },
  { name: '王丽', post: 'member' },
  { name: '张强', post: 'member' },
];
const elected: UnionEvent = {
  type: 'CommitteeElected',
  data: {
    unionId: 'u1',
    heldOn: '2026-03-01',
    congress: { entitledVoters: 60, present: 45 },
    committee: newCommittee,
    termYears: 5,
  },
};
const lateAppointee: UnionEvent = {
  type: 'CadreAppointed',
  data: {
    unionId: 'u1',
    cadreId: 'k9',
    name: '赵敏',
    post: '工会小组长',
    phone: '13804001122',
    duties: '联系一车间会员',
    appointedOn: '2026-03-05',
  },
};
const cmd = (type: UnionCommand['type'], data: object): UnionCommand =>
  ({ type, data, metadata }) as UnionCommand;
const stateAfter = (events: UnionEvent[]): Union => events.reduce(evolve, initialState());
const cadresAfter = (events: UnionEvent[]) => {
  const state = stateAfter(events);

  return state.status === 'Registered' ? state.cadres : undefined;
};

describe('Elected committees become cadres (三亮)', () => {
  describe('at the founding congress', () => {
    it('seats the committee and the offices filled, with their posts, from the congress’s day', () => {
      spec
        .given([submitted, approved])
        .when(
          cmd('HoldFoundingCongress', {
            heldOn: '2021-03-09',
            entitledVoters: 60,
            present: 45,
            committee,
            offices,
            termYears: 5,
          }),
        )
        .then([
          {
            ...established,
            data: { ...established.data, ruleSet: { region: 'national', version: 1 } },
          },
          foundingCadres,
        ]);
      expect(cadresAfter([submitted, approved, established, foundingCadres])).toEqual([
        {
          cadreId: firstIds[0],
          name: '麻军峰',
          post: '工会主席',
          postCode: 'chair',
          appointedOn: '2021-03-09',
        },
        {
          cadreId: firstIds[1],
          name: '吕波',
          post: '工会副主席',
          postCode: 'vice_chair',
          appointedOn: '2021-03-09',
        },
        {
          cadreId: firstIds[2],
          name: '布润宁',
          post: '工会委员',
          postCode: 'member',
          appointedOn: '2021-03-09',
        },
        {
          cadreId: firstIds[3],
          name: '杨冬利',
          post: '女职工委员会主任',
          postCode: 'women_committee_chair',
          appointedOn: '2021-03-09',
        },
        {
          cadreId: firstIds[4],
          name: '吕波',
          post: '经费审查委员会主任',
          postCode: 'audit_committee_chair',
          appointedOn: '2021-03-09',
        },
      ]);
    });

    it('refuses two chairs of the women’s committee', () =>
      spec
        .given([submitted, approved])
        .when(
          cmd('HoldFoundingCongress', {
            heldOn: '2021-03-09',
            entitledVoters: 60,
            present: 45,
            committee,
            offices: [...offices, { name: '王丽', office: 'women_committee_chair' }],
            termYears: 5,
          }),
        )
        .thenThrows(IllegalStateError, /Only one person/));
  });

  describe('at an approved re-election (换届)', () => {
    const history = [submitted, approved, established, foundingCadres, lateAppointee, elected];

    it('seats the new committee from the congress; those serving before it leave on that day', () =>
      spec
        .given(history)
        .when(cmd('ApproveElection', { approvedOn: '2026-03-09' }))
        .then([
          {
            type: 'CommitteeElectionApproved',
            data: { unionId: 'u1', approvedOn: '2026-03-09', termEndsOn: '2031-02-28' },
          },
          committeeTookOffice('2026-03-01', newCommittee, { seated: 2, outgoing: firstIds }),
        ]));

    it('lists the new committee and whoever was appointed after the congress', () =>
      expect(
        cadresAfter([
          ...history,
          committeeTookOffice('2026-03-01', newCommittee, { seated: 2, outgoing: firstIds }),
        ])?.map(({ name, post, appointedOn }) => `${name} ${post} ${appointedOn}`),
      ).toEqual([
        '赵敏 工会小组长 2026-03-05',
        '吕波 工会主席 2026-03-01',
        '王丽 工会委员 2026-03-01',
        '张强 工会委员 2026-03-01',
      ]));

    it('seats no one when the election is rejected', () =>
      spec
        .given(history)
        .when(cmd('RejectElection', { rejectedOn: '2026-03-09', reason: '候选人未经民主推荐' }))
        .then({
          type: 'ElectionRejected',
          data: {
            unionId: 'u1',
            heldOn: '2026-03-01',
            rejectedOn: '2026-03-09',
            reason: '候选人未经民主推荐',
          },
        }));

    it('gives the same cadre ids when decided again (a replay or a retried command)', () => {
      const once = unionDeciderUnder(NATIONAL_RULES_IN_FORCE).decide(
        cmd('ApproveElection', {}),
        stateAfter(history),
      );
      const again = unionDeciderUnder(NATIONAL_RULES_IN_FORCE).decide(
        cmd('ApproveElection', {}),
        stateAfter(history),
      );
      expect(again).toEqual(once);
    });
  });

  describe('their phone, duties and pledge', () => {
    const history = [submitted, approved, established, foundingCadres];
    const details = {
      phone: '024-23456789',
      duties: '主持工会全面工作',
      effectiveOn: '2021-03-10',
    };

    it('are given afterwards, by a command of their own', () => {
      spec
        .given(history)
        .when(cmd('UpdateCadreDetails', { cadreId: firstIds[0], ...details }))
        .then({
          type: 'CadreDetailsUpdated',
          data: { unionId: 'u1', cadreId: firstIds[0]!, ...details },
        });
      const updated: UnionEvent = {
        type: 'CadreDetailsUpdated',
        data: { unionId: 'u1', cadreId: firstIds[0]!, ...details },
      };
      const pledged: UnionEvent = {
        type: 'CadreDetailsUpdated',
        data: {
          unionId: 'u1',
          cadreId: firstIds[0]!,
          pledge: '为职工办实事',
          effectiveOn: '2021-04-01',
        },
      };
      expect(cadresAfter([...history, updated, pledged])?.[0]).toMatchObject({
        phone: '024-23456789',
        duties: '主持工会全面工作',
        pledge: '为职工办实事',
      });
    });

    it('belong to a serving cadre, say something, and date from the appointment on', () => {
      spec
        .given(history)
        .when(cmd('UpdateCadreDetails', { cadreId: 'nobody', ...details }))
        .thenThrows(NotFoundError);
      spec
        .given(history)
        .when(cmd('UpdateCadreDetails', { cadreId: firstIds[0], effectiveOn: '2021-03-10' }))
        .thenThrows(IllegalStateError, /phone, duties or a pledge/);
      spec
        .given(history)
        .when(
          cmd('UpdateCadreDetails', {
            cadreId: firstIds[0],
            ...details,
            effectiveOn: '2021-03-08',
          }),
        )
        .thenThrows(IllegalStateError, /precede the appointment/);
    });
  });
});
