import { IllegalStateError } from '@taizhang/event-store';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { RecordApprovalOverdue } from './union.commands';
import type { UnionEvent } from './union.decider';
import { unionDeciderUnder } from './union.decider';

const spec = DeciderSpecification.for(unionDeciderUnder(NATIONAL_RULES_IN_FORCE));
// 16:00 UTC on 2026-03-15 is already 2026-03-16 in China.
const on = (now: string) => commandMetadata({ now });
const ruleSet = { region: 'national', version: 1 };
const overdue = (
  subject: 'application' | 'election',
  waitingSince: string,
  dueOn: string,
  now = '2026-03-16T02:00:00Z',
): RecordApprovalOverdue => ({
  type: 'RecordApprovalOverdue',
  data: { subject, waitingSince, dueOn, replyDays: 15, ruleSet },
  metadata: on(now),
});
const submitted: UnionEvent = {
  type: 'UnionApplicationSubmitted',
  data: {
    unionId: 'u1',
    proposedName: '沈阳新松机器人工会',
    parentId: 's1',
    orgPath: 'm1/d1/s1/u1',
    employerIds: ['e1'],
    preparatoryGroup: [
      { name: '张伟', role: '组长' },
      { name: '李娜', role: '成员' },
      { name: '王强', role: '成员' },
    ],
    submittedOn: '2026-03-01',
    answerDueOn: '2026-03-16',
    ruleSet,
  },
};
const committee = [
  { name: '张伟', post: 'chair' as const },
  { name: '李娜', post: 'member' as const },
  { name: '王强', post: 'member' as const },
];
const established: UnionEvent = {
  type: 'UnionEstablished',
  data: {
    unionId: 'u1',
    name: '沈阳新松机器人工会',
    parentId: 's1',
    orgPath: 'm1/d1/s1/u1',
    establishedOn: '2021-03-09',
    employerIds: ['e1'],
    congress: { entitledVoters: 60, present: 45 },
    committee,
    termYears: 5,
    termEndsOn: '2026-03-08',
  },
};
const elected: UnionEvent = {
  type: 'CommitteeElected',
  data: {
    unionId: 'u1',
    heldOn: '2026-03-01',
    congress: { entitledVoters: 60, present: 45 },
    committee,
    termYears: 5,
    ruleSet,
    answerDueOn: '2026-03-16',
  },
};
const raised = (subject: 'application' | 'election'): UnionEvent => ({
  type: 'ApprovalOverdue',
  data: {
    unionId: 'u1',
    subject,
    waitingSince: '2026-03-01',
    dueOn: '2026-03-16',
    replyDays: 15,
    ruleSet,
  },
});

describe('Union, when the higher union does not answer in time (逾期未批复)', () => {
  it('records an application still waiting on the day its limit ran out, with the limit and its rule set', () =>
    spec
      .given([submitted])
      .when(overdue('application', '2026-03-01', '2026-03-16'))
      .then(raised('application')));

  it('records an election still waiting for approval', () =>
    spec
      .given([established, elected])
      .when(overdue('election', '2026-03-01', '2026-03-16'))
      .then(raised('election')));

  it('counts the day in China: 16:00 UTC on the 15th is already the 16th', () =>
    spec
      .given([submitted])
      .when(overdue('application', '2026-03-01', '2026-03-16', '2026-03-15T16:00:00Z'))
      .then(raised('application')));

  it('refuses before the day, and a second time', () => {
    spec
      .given([submitted])
      .when(overdue('application', '2026-03-01', '2026-03-16', '2026-03-15T15:59:59Z'))
      .thenThrows(IllegalStateError, /runs until 2026-03-16/);
    spec
      .given([submitted, raised('application')])
      .when(overdue('application', '2026-03-01', '2026-03-16'))
      .thenThrows(IllegalStateError, /no longer waits/);
    spec
      .given([established, elected, raised('election')])
      .when(overdue('election', '2026-03-01', '2026-03-16'))
      .thenThrows(IllegalStateError, /no longer waits/);
  });

  it('refuses what was answered meanwhile, or another election than the one waiting', () => {
    spec
      .given([
        submitted,
        { type: 'UnionApplicationApproved', data: { unionId: 'u1', approvedOn: '2026-03-10' } },
      ])
      .when(overdue('application', '2026-03-01', '2026-03-16'))
      .thenThrows(IllegalStateError, /no longer waits/);
    spec
      .given([
        established,
        elected,
        {
          type: 'CommitteeElectionApproved',
          data: { unionId: 'u1', approvedOn: '2026-03-12', termEndsOn: '2031-02-28' },
        },
      ])
      .when(overdue('election', '2026-03-01', '2026-03-16'))
      .thenThrows(IllegalStateError, /no longer waits/);
    spec
      .given([established, elected])
      .when(overdue('election', '2026-02-01', '2026-02-16'))
      .thenThrows(IllegalStateError, /no longer waits/);
  });

  it('leaves an overdue election still to be approved', () =>
    spec
      .given([established, elected, raised('election')])
      .when({ type: 'ApproveElection', data: {}, metadata: on('2026-03-20T02:00:00Z') })
      .then([
        {
          type: 'CommitteeElectionApproved',
          data: { unionId: 'u1', approvedOn: '2026-03-20', termEndsOn: '2031-02-28' },
        },
        // The approved committee takes office (三亮), late answer or not.
        expect.objectContaining({ type: 'CommitteeTookOffice' }) as UnionEvent,
      ]));
});
