import type { RuleSetAmended } from '@taizhang/contracts';
import type { CommandMetadata } from '@taizhang/event-store';
import { ConcurrencyError, IllegalStateError } from '@taizhang/event-store';
import { DeciderSpecification } from '@taizhang/testing';

import { NATIONAL_RULES } from './national-rules';
import type { AmendRuleSet } from './rule-sets.decider';
import { ruleSetsDecider } from './rule-sets.decider';
import { NATIONAL_RULES_IN_FORCE, rulesInForce } from './rules-in-force';

const spec = DeciderSpecification.for(ruleSetsDecider);
const metadata: CommandMetadata = {
  now: new Date('2026-12-01T02:00:00Z'),
  actorId: 'admin-1',
  actorRole: 'admin',
  correlationId: 'c-1',
};
const amendment = (data: Partial<RuleSetAmended['data']> = {}): RuleSetAmended['data'] => ({
  region: '2101',
  version: 2,
  effectiveFrom: '2027-01-01',
  changes: { disputes: { mediationDays: 30 } },
  reason: '辽宁省劳动争议调解条例',
  ...data,
});
const amend = (data: Partial<RuleSetAmended['data']> = {}): AmendRuleSet => ({
  type: 'AmendRuleSet',
  data: amendment(data),
  metadata,
});
const amended = (data: Partial<RuleSetAmended['data']> = {}): RuleSetAmended => ({
  type: 'RuleSetAmended',
  data: amendment(data),
});
const fold = (events: RuleSetAmended[]) =>
  events.reduce(
    (state, event) => ruleSetsDecider.evolve(state, event),
    ruleSetsDecider.initialState(),
  );

describe('Rule sets (DESIGN §9)', () => {
  it('holds the national defaults as version 1, in force from the beginning, everywhere', () => {
    expect(rulesInForce(fold([]), '2101/210106', '1990-01-01')).toEqual(NATIONAL_RULES_IN_FORCE);
    expect(NATIONAL_RULES.committee.requiredFromMembers).toBe(25);
    expect(NATIONAL_RULES.collectiveContract).toMatchObject({
      requestAnswerDays: 20,
      filingDays: 10,
      objectionDays: 15,
      termYears: { min: 1, max: 3 },
      renewalWindowMonths: 3,
    });
  });

  it('records an amendment as the region’s next version', () =>
    spec.given([]).when(amend()).then(amended()));

  it('answers 409 to a caller who saw an older version', () => {
    spec.given([amended()]).when(amend()).thenThrows(ConcurrencyError);
    spec
      .given([])
      .when(amend({ version: 3 }))
      .thenThrows(ConcurrencyError);
  });

  it('refuses values that are not valid together, and a version holding before the last', () => {
    spec
      .given([])
      .when(amend({ changes: { hardship: { relativeIncomeMultiple: 0.5 } } }))
      .thenThrows(IllegalStateError, /hardship/);
    spec
      .given([])
      .when(amend({ changes: { collectiveContract: { renewalWindowMonths: 12 } } }))
      .thenThrows(IllegalStateError, /renewal window/);
    spec
      .given([amended()])
      .when(amend({ version: 3, effectiveFrom: '2026-06-01' }))
      .thenThrows(IllegalStateError, /cannot hold from before version 2/);
    spec
      .given([])
      .when(amend({ region: 'national' }))
      .thenThrows(IllegalStateError, /release/);
  });

  it('answers a date with the version then in force, values carried from the versions before', () => {
    const ruleSets = fold([
      amended(),
      amended({
        version: 3,
        effectiveFrom: '2028-01-01',
        changes: { hardship: { exitAfterMonths: 12 } },
      }),
    ]);
    const on = (date: string) => rulesInForce(ruleSets, '2101/210106/u1', date);

    expect([on('2026-12-31').version, on('2027-06-01').version, on('2028-01-01').version]).toEqual([
      1, 2, 3,
    ]);
    expect(on('2028-01-01').values.disputes.mediationDays).toBe(30);
    expect(on('2028-01-01').values.hardship.exitAfterMonths).toBe(12);
    expect(on('2026-12-31').values).toEqual(NATIONAL_RULES);
    // Whole segments: 2101 does not cover 21010.
    expect(rulesInForce(ruleSets, '21010/x', '2028-01-01').region).toBe('national');
  });
});
