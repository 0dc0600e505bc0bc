import type { InspectionEvent } from '@taizhang/contracts';
import { NotFoundError } from '@taizhang/event-store';
import { IllegalStateError } from '@taizhang/event-store';
import type { RulesInForce, UnderRules } from '@taizhang/rules';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { InspectionCommand, RecordInspection } from './inspection.commands';
import { inspectionDecider } from './inspection.decider';

const spec = DeciderSpecification.for(inspectionDecider);
const metadata = commandMetadata({ now: '2026-03-20T02:00:00Z', actorRole: 'union_cadre' });
const under = <C extends InspectionCommand>(
  command: C,
  rules: RulesInForce = NATIONAL_RULES_IN_FORCE,
): UnderRules<C> => ({ ...command, rules });

const inspect = (data: Partial<RecordInspection['data']> = {}) =>
  under<RecordInspection>({
    type: 'RecordInspection',
    data: {
      inspectionId: 'i1',
      union: { id: 'u1', ended: false },
      kind: 'general',
      periodsChecked: [],
      inspectedOn: '2026-03-01',
      employerName: '沈阳第一机床厂',
      employerId: null,
      inspectors: ['张伟', '李娜'],
      findings: null,
      ...data,
    },
    metadata,
  });

const inspected: InspectionEvent = {
  type: 'LabourInspectionRecorded',
  data: {
    inspectionId: 'i1',
    unionId: 'u1',
    kind: 'general',
    periodsChecked: [],
    inspectedOn: '2026-03-01',
    employerName: '沈阳第一机床厂',
    employerId: null,
    inspectors: ['张伟', '李娜'],
    findings: null,
  },
};
const ids = { inspectionId: 'i1', hazardId: 'h1', unionId: 'u1' };
const found: InspectionEvent = {
  type: 'HazardFound',
  data: { ...ids, description: '车间消防通道堵塞', severity: 'major', foundOn: '2026-03-01' },
};
const requested: InspectionEvent = {
  type: 'HazardRectificationRequested',
  data: {
    ...ids,
    severity: 'major',
    requestedOn: '2026-03-02',
    dueOn: '2026-03-10',
    latestDueOn: '2026-03-17',
    ruleSet: { region: 'national', version: 1 },
  },
};
const overdueEvent: InspectionEvent = {
  type: 'HazardRectificationOverdue',
  data: { ...ids, dueOn: '2026-03-10', overdueOn: '2026-03-11' },
};
const rectifiedEvent = (rectifiedOn: string, late: boolean): InspectionEvent => ({
  type: 'HazardRectified',
  data: { ...ids, rectifiedOn, late },
});

const hazard = (foundOn = '2026-03-01') =>
  under({
    type: 'RecordHazard',
    data: { hazardId: 'h1', description: '车间消防通道堵塞', severity: 'major', foundOn },
    metadata,
  });
const request = (requestedOn: string, dueOn: string, rules?: RulesInForce) =>
  under(
    { type: 'RequestRectification', data: { hazardId: 'h1', requestedOn, dueOn }, metadata },
    rules,
  );
const overdue = (now: string) =>
  under({
    type: 'MarkRectificationOverdue',
    data: { hazardId: 'h1', overdueOn: '2026-03-11' },
    metadata: commandMetadata({ now, actorRole: 'system', actorId: 'rectification-clock' }),
  });
const rectify = (rectifiedOn: string) =>
  under({ type: 'RecordRectified', data: { hazardId: 'h1', rectifiedOn }, metadata });
const verify = (verifiedOn: string) =>
  under({
    type: 'VerifyRectification',
    data: { hazardId: 'h1', verifiedOn, by: '王芳' },
    metadata,
  });

describe('Labour protection (劳动保护监督检查): inspections', () => {
  it('records a general inspection of an employer, Chinese as given', () =>
    spec.given([]).when(inspect()).then(inspected));

  it('records a women-special inspection (女职工"五期") with the periods it checked', () =>
    spec
      .given([])
      .when(inspect({ kind: 'women_special', periodsChecked: ['pregnancy', 'nursing'] }))
      .then({
        ...inspected,
        data: {
          ...inspected.data,
          kind: 'women_special',
          periodsChecked: ['pregnancy', 'nursing'],
        },
      }));

  it('refuses an ended union, a future day, periods missing or misplaced, names twice, a second record', () => {
    const refused: [Partial<RecordInspection['data']>, RegExp][] = [
      [{ union: { id: 'u1', ended: true } }, /dissolved/],
      [{ inspectedOn: '2026-03-21' }, /future/],
      [{ kind: 'women_special', periodsChecked: [] }, /periods/],
      [{ kind: 'general', periodsChecked: ['pregnancy'] }, /Only a women/],
      [{ kind: 'women_special', periodsChecked: ['nursing', 'nursing'] }, /period is named twice/],
      [{ inspectors: ['张伟', '张伟'] }, /inspector is named twice/],
    ];
    for (const [data, message] of refused)
      spec.given([]).when(inspect(data)).thenThrows(IllegalStateError, message);
    spec
      .given([inspected])
      .when(inspect())
      .thenThrows(IllegalStateError, /already/);
  });
});

describe('Labour protection: hazards 隐患 and their rectification 整改', () => {
  it('records a hazard at the inspection, not before it, not twice, not on an unknown inspection', () => {
    spec.given([inspected]).when(hazard()).then(found);
    spec
      .given([inspected])
      .when(hazard('2026-02-28'))
      .thenThrows(IllegalStateError, /before/);
    spec
      .given([inspected, found])
      .when(hazard())
      .thenThrows(IllegalStateError, /already/);
    spec.given([]).when(hazard()).thenThrows(NotFoundError);
  });

  it('requests rectification by a due date within the rule’s days for the severity (较大: 15)', () => {
    spec.given([inspected, found]).when(request('2026-03-02', '2026-03-10')).then(requested);
    // The last day the rule allows, and one day more.
    spec
      .given([inspected, found])
      .when(request('2026-03-02', '2026-03-17'))
      .then({ ...requested, data: { ...requested.data, dueOn: '2026-03-17' } });
    spec
      .given([inspected, found])
      .when(request('2026-03-02', '2026-03-18'))
      .thenThrows(IllegalStateError, /at most 15 days/);
    spec
      .given([inspected, found])
      .when(request('2026-03-02', '2026-03-01'))
      .thenThrows(IllegalStateError, /due date comes on or after/);
    spec
      .given([inspected, found])
      .when(request('2026-02-28', '2026-03-05'))
      .thenThrows(IllegalStateError, /found/);
    spec
      .given([inspected, found, requested])
      .when(request('2026-03-02', '2026-03-10'))
      .thenThrows(IllegalStateError, /already/);
    spec.given([inspected]).when(request('2026-03-02', '2026-03-10')).thenThrows(NotFoundError);
  });

  it('applies the regional rule set in force and records it', () => {
    const regional: RulesInForce = {
      region: 'm/d1',
      version: 2,
      values: {
        ...NATIONAL_RULES_IN_FORCE.values,
        labourProtection: { rectificationMaxDays: { minor: 20, major: 5, serious: 3 } },
      },
    };
    spec
      .given([inspected, found])
      .when(request('2026-03-02', '2026-03-08', regional))
      .thenThrows(IllegalStateError, /at most 5 days/);
    spec
      .given([inspected, found])
      .when(request('2026-03-02', '2026-03-07', regional))
      .then({
        ...requested,
        data: {
          ...requested.data,
          dueOn: '2026-03-07',
          latestDueOn: '2026-03-07',
          ruleSet: { region: 'm/d1', version: 2 },
        },
      });
  });

  it('is overdue on the day after the due date, not on it, once, not after a rectification', () => {
    spec
      .given([inspected, found, requested])
      .when(overdue('2026-03-10T15:00:00Z')) // 23:00 in China on the due date
      .thenThrows(IllegalStateError, /not overdue yet/);
    spec
      .given([inspected, found, requested])
      .when(overdue('2026-03-10T16:00:00Z'))
      .then(overdueEvent);
    spec
      .given([inspected, found, requested, overdueEvent])
      .when(overdue('2026-03-12T02:00:00Z'))
      .thenThrows(IllegalStateError, /overdue already/);
    spec
      .given([inspected, found, requested, rectifiedEvent('2026-03-09', false)])
      .when(overdue('2026-03-12T02:00:00Z'))
      .thenThrows(IllegalStateError, /in time/);
  });

  it('records a rectification, in time or late; a late one the clock missed is overdue once here', () => {
    spec
      .given([inspected, found, requested])
      .when(rectify('2026-03-10'))
      .then(rectifiedEvent('2026-03-10', false));
    spec
      .given([inspected, found, requested, overdueEvent])
      .when(rectify('2026-03-12'))
      .then(rectifiedEvent('2026-03-12', true));
    spec
      .given([inspected, found, requested])
      .when(rectify('2026-03-12'))
      .then([overdueEvent, rectifiedEvent('2026-03-12', true)]);
    // On the spot, without a notice: never late.
    spec
      .given([inspected, found])
      .when(rectify('2026-03-01'))
      .then(rectifiedEvent('2026-03-01', false));
    spec
      .given([inspected, found, requested])
      .when(rectify('2026-03-01'))
      .thenThrows(IllegalStateError, /on or after/);
    spec
      .given([inspected, found, requested, rectifiedEvent('2026-03-09', false)])
      .when(rectify('2026-03-09'))
      .thenThrows(IllegalStateError, /already/);
    spec
      .given([inspected, found, requested])
      .when(rectify('2026-03-21'))
      .thenThrows(IllegalStateError, /future/);
  });

  it('verifies a rectified hazard once, on or after the rectification', () => {
    const rectified = rectifiedEvent('2026-03-09', false);
    spec
      .given([inspected, found, requested, rectified])
      .when(verify('2026-03-12'))
      .then({
        type: 'HazardRectificationVerified',
        data: { ...ids, verifiedOn: '2026-03-12', by: '王芳' },
      });
    spec
      .given([inspected, found, requested])
      .when(verify('2026-03-12'))
      .thenThrows(IllegalStateError, /Only a rectified/);
    spec
      .given([inspected, found, requested, rectified])
      .when(verify('2026-03-08'))
      .thenThrows(IllegalStateError, /on or after/);
    spec
      .given([
        inspected,
        found,
        requested,
        rectified,
        {
          type: 'HazardRectificationVerified',
          data: { ...ids, verifiedOn: '2026-03-12', by: '王芳' },
        },
      ])
      .when(verify('2026-03-13'))
      .thenThrows(IllegalStateError, /already/);
  });
});

describe('Labour protection: when the inspection’s union ends (README, "A union dissolved or merged")', () => {
  const system = commandMetadata({ now: '2026-03-20T02:00:00Z', actorRole: 'system' });
  const merged = under({
    type: 'ActOnUnionEnd',
    data: {
      end: { kind: 'merged', unionId: 'u1', on: '2026-03-18', into: { id: 'u2', path: 'm/d/u2' } },
    },
    metadata: system,
  });
  const dissolved = under({
    type: 'ActOnUnionEnd',
    data: {
      end: {
        kind: 'dissolved',
        unionId: 'u1',
        on: '2026-03-18',
        union: { id: 'u1', path: 'm/d/u1' },
        federationId: 'd',
      },
    },
    metadata: system,
  });
  const kept: InspectionEvent = {
    type: 'InspectionKeptByFederation',
    data: { inspectionId: 'i1', unionId: 'u1', keeperId: 'd', on: '2026-03-18' },
  };

  it('hands an inspection with an open hazard to the surviving union, with what it counted', () =>
    spec
      .given([inspected, found, requested, overdueEvent])
      .when(merged)
      .then({
        type: 'InspectionHandedOver',
        data: {
          inspectionId: 'i1',
          fromUnionId: 'u1',
          toUnionId: 'u2',
          on: '2026-03-18',
          womenSpecial: false,
          hazardsFound: 1,
          hazardsRectified: 0,
          hazardsOverdue: 1,
        },
      }));

  it('leaves it to the federation above when the union is dissolved, once', () => {
    spec.given([inspected, found]).when(dissolved).then(kept);
    spec.given([inspected, found, kept]).when(dissolved).then([]);
  });

  it('acts on nothing whose hazards are all verified, or that has none', () => {
    const verified: InspectionEvent = {
      type: 'HazardRectificationVerified',
      data: { ...ids, verifiedOn: '2026-03-12', by: '王芳' },
    };
    spec
      .given([inspected, found, requested, rectifiedEvent('2026-03-09', false), verified])
      .when(merged)
      .thenThrows(IllegalStateError, /verified/);
    spec
      .given([inspected])
      .when(dissolved)
      .thenThrows(IllegalStateError, /verified/);
  });
});
