import type { UnionApplicationSubmitted } from '@taizhang/contracts';
import { IllegalStateError } from '@taizhang/event-store';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import { committeeTookOffice } from '../../test/unions/union-events';
import type { CommitteeSeat } from './committee-rules';
import type { HoldFoundingCongress, SubmitUnionApplication, UnionCommand } from './union.commands';
import type { UnionEvent } from './union.decider';
import { unionDeciderUnder } from './union.decider';

const spec = DeciderSpecification.for(unionDeciderUnder(NATIONAL_RULES_IN_FORCE));
// 2026-03-10 02:00 UTC is 10:00 the same day in China.
const metadata = commandMetadata({ now: '2026-03-10T02:00:00Z' });
const street = { id: 's1', kind: 'street' as const, orgPath: 'm1/d1/s1' };
const group = [
  { name: '张伟', role: '组长' },
  { name: '李娜', role: '成员' },
  { name: '王强', role: '成员' },
];
const submit = (data: Partial<SubmitUnionApplication['data']> = {}): UnionCommand => ({
  type: 'SubmitUnionApplication',
  data: {
    unionId: 'u1',
    proposedName: '沈阳新松机器人工会',
    parent: street,
    employerIds: ['e1'],
    employers: [{ id: 'e1', status: 'Open', orgPath: 'm1/d1/s1/e1' }],
    preparatoryGroup: group,
    ...data,
  },
  metadata,
});
const command = (
  type: 'ApproveUnionApplication' | 'RejectUnionApplication',
  reason = '',
): UnionCommand =>
  type === 'ApproveUnionApplication'
    ? { type, data: {}, metadata }
    : { type, data: { reason }, metadata };
const committee: CommitteeSeat[] = [
  { name: '张伟', post: 'chair' },
  { name: '李娜', post: 'member' },
  { name: '王强', post: 'member' },
];
const congress = (data: Partial<HoldFoundingCongress['data']> = {}): UnionCommand => ({
  type: 'HoldFoundingCongress',
  data: { heldOn: '2026-03-09', entitledVoters: 60, present: 45, committee, termYears: 5, ...data },
  metadata,
});

const submitted: UnionApplicationSubmitted = {
  type: 'UnionApplicationSubmitted',
  data: {
    unionId: 'u1',
    proposedName: '沈阳新松机器人工会',
    parentId: 's1',
    orgPath: 'm1/d1/s1/u1',
    employerIds: ['e1'],
    preparatoryGroup: group,
    submittedOn: '2026-03-10',
    answerDueOn: '2026-03-25',
    ruleSet: { region: 'national', version: 1 },
  },
};
const approved: UnionEvent = {
  type: 'UnionApplicationApproved',
  data: { unionId: 'u1', approvedOn: '2026-03-01' },
};

describe('Union founding', () => {
  describe('when nothing exists yet', () => {
    it('records a preparatory group’s application under a street, dated today in China', () =>
      spec.given([]).when(submit()).then(submitted));

    it('refuses an application directly to the municipal federation', () =>
      spec
        .given([])
        .when(submit({ parent: { id: 'm1', kind: 'municipal', orgPath: 'm1' } }))
        .thenThrows(IllegalStateError, /street or district/));

    it('records an application made earlier, never one dated in the future', () => {
      spec
        .given([])
        .when(submit({ submittedOn: '2019-04-01' }))
        .then({
          type: 'UnionApplicationSubmitted',
          data: { ...submitted.data, submittedOn: '2019-04-01', answerDueOn: '2019-04-16' },
        });
      spec
        .given([])
        .when(submit({ submittedOn: '2026-03-11' }))
        .thenThrows(IllegalStateError, /future/);
    });

    it('refuses an employer listed twice', () =>
      spec
        .given([])
        .when(submit({ employerIds: ['e1', 'e1'] }))
        .thenThrows(IllegalStateError, /twice/));

    it('refuses an employer the registry does not know, or that closed', () => {
      spec
        .given([])
        .when(submit({ employers: [{ id: 'e1', status: 'None', orgPath: null }] }))
        .thenThrows(IllegalStateError, /not in the registry/);
      spec
        .given([])
        .when(submit({ employers: [{ id: 'e1', status: 'Closed', orgPath: 'm1/d1/s1/e1' }] }))
        .thenThrows(IllegalStateError, /is closed/);
    });

    it('refuses an employer outside the federation applied to', () =>
      spec
        .given([])
        .when(submit({ employers: [{ id: 'e1', status: 'Open', orgPath: 'm1/d1/s2/e1' }] }))
        .thenThrows(IllegalStateError, /not under the federation/));

    it('covers several employers in a joint union (联合基层工会) under a district', () =>
      spec
        .given([])
        .when(
          submit({
            parent: { id: 'd1', kind: 'district', orgPath: 'm1/d1' },
            employerIds: ['e1', 'e2'],
            employers: [
              { id: 'e1', status: 'Open', orgPath: 'm1/d1/s1/e1' },
              { id: 'e2', status: 'Open', orgPath: 'm1/d1/s2/e2' },
            ],
          }),
        )
        .then({
          type: 'UnionApplicationSubmitted',
          data: {
            ...submitted.data,
            parentId: 'd1',
            orgPath: 'm1/d1/u1',
            employerIds: ['e1', 'e2'],
          },
        }));

    it('cannot hold a founding congress without an application', () =>
      spec
        .given([])
        .when(congress())
        .thenThrows(IllegalStateError, /No approved application/));
  });

  describe('when applied', () => {
    it('is approved by the higher union', () =>
      spec
        .given([submitted])
        .when(command('ApproveUnionApplication'))
        .then({
          type: 'UnionApplicationApproved',
          data: { unionId: 'u1', approvedOn: '2026-03-10' },
        }));

    it('records an approval given earlier, for a founding entered after the fact', () => {
      const applied: UnionEvent = {
        type: 'UnionApplicationSubmitted',
        data: { ...submitted.data, submittedOn: '2019-04-01' },
      };
      const approve = (approvedOn: string): UnionCommand => ({
        type: 'ApproveUnionApplication',
        data: { approvedOn },
        metadata,
      });
      spec
        .given([applied])
        .when(approve('2019-05-20'))
        .then({
          type: 'UnionApplicationApproved',
          data: { unionId: 'u1', approvedOn: '2019-05-20' },
        });
      spec
        .given([applied])
        .when(approve('2026-03-11'))
        .thenThrows(IllegalStateError, /future/);
      spec
        .given([applied])
        .when(approve('2019-03-31'))
        .thenThrows(IllegalStateError, /cannot precede the application/);
    });

    it('is rejected with a reason', () =>
      spec
        .given([submitted])
        .when(command('RejectUnionApplication', '覆盖单位已建会'))
        .then({
          type: 'UnionApplicationRejected',
          data: { unionId: 'u1', rejectedOn: '2026-03-10', reason: '覆盖单位已建会' },
        }));

    it('holds no congress before the approval', () =>
      spec
        .given([submitted])
        .when(congress())
        .thenThrows(IllegalStateError, /after the higher union approved/));

    it('cannot be applied for twice', () =>
      spec
        .given([submitted])
        .when(submit())
        .thenThrows(IllegalStateError, /already exists/));
  });

  describe('when approved', () => {
    it('is established by a valid founding congress, with its committee and term', () =>
      spec
        .given([submitted, approved])
        .when(congress())
        .then([
          {
            type: 'UnionEstablished',
            data: {
              unionId: 'u1',
              name: '沈阳新松机器人工会',
              parentId: 's1',
              orgPath: 'm1/d1/s1/u1',
              establishedOn: '2026-03-09',
              employerIds: ['e1'],
              congress: { entitledVoters: 60, present: 45 },
              committee,
              termYears: 5,
              termEndsOn: '2031-03-08',
              ruleSet: { region: 'national', version: 1 },
            },
          },
          committeeTookOffice('2026-03-09', committee),
        ]));

    it('refuses an election without two thirds present', () =>
      spec
        .given([submitted, approved])
        .when(congress({ present: 39 }))
        .thenThrows(IllegalStateError, /two thirds/));

    it('refuses a committee too small for the membership', () =>
      spec
        .given([submitted, approved])
        .when(congress({ entitledVoters: 150, present: 120 }))
        .thenThrows(IllegalStateError, /from 5 to 7/));

    it('refuses a congress before the approval date, or in the future', () => {
      spec
        .given([submitted, approved])
        .when(congress({ heldOn: '2026-02-28' }))
        .thenThrows(IllegalStateError, /before the approval/);
      spec
        .given([submitted, approved])
        .when(congress({ heldOn: '2026-03-11' }))
        .thenThrows(IllegalStateError, /future/);
    });

    it('can no longer be rejected', () =>
      spec
        .given([submitted, approved])
        .when(command('RejectUnionApplication', '迟了'))
        .thenThrows(IllegalStateError, /not waiting/));
  });

  describe('when rejected', () => {
    it('holds no founding congress', () =>
      spec
        .given([
          submitted,
          {
            type: 'UnionApplicationRejected',
            data: { unionId: 'u1', rejectedOn: '2026-03-02', reason: '材料不全' },
          },
        ])
        .when(congress())
        .thenThrows(IllegalStateError, /No approved application/));
  });
});
