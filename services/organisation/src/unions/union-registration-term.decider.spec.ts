import { IllegalStateError } from '@taizhang/event-store';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { RegisterUnion } from './union.commands';
import { evolve, initialState, unionDeciderUnder } from './union.decider';

const given = DeciderSpecification.for(unionDeciderUnder(NATIONAL_RULES_IN_FORCE)).given;
const metadata = commandMetadata({ now: '2026-03-01T07:00:00Z' });
const street = { id: 's1', kind: 'street' as const, orgPath: 'm1/d1/s1' };
const register = (currentTerm?: RegisterUnion['data']['currentTerm']): RegisterUnion => ({
  type: 'RegisterUnion',
  data: {
    unionId: 'u1',
    name: '沈阳机床厂工会',
    establishedOn: '1998-05-01',
    parent: street,
    ...(currentTerm ? { currentTerm } : {}),
  },
  metadata,
});
const registered = {
  type: 'UnionRegistered' as const,
  data: {
    unionId: 'u1',
    name: '沈阳机床厂工会',
    parentId: 's1',
    establishedOn: '1998-05-01',
    orgPath: 'm1/d1/s1/u1',
    currentTerm: { electedOn: '2023-06-16', termYears: 3 as const, termEndsOn: '2026-06-15' },
    ruleSet: { region: 'national', version: 1 },
  },
};

describe('Union registered as it was (存量工会登记), with its serving committee', () => {
  it('records the election, the term and its last day, and the rule set that allowed the term', () =>
    given([])
      .when(register({ electedOn: '2023-06-16', termYears: 3 }))
      .then(registered));

  it('has the term’s last day in its state, as a union founded on the platform has', () => {
    const state = [registered].reduce(evolve, initialState());
    expect(state).toMatchObject({ status: 'Registered', termEndsOn: '2026-06-15' });
    expect(state).not.toHaveProperty('currentTerm');
  });

  it('still registers without a term (an older client): no term until the next election', () => {
    const { currentTerm: _term, ruleSet: _rules, ...data } = registered.data;
    given([]).when(register()).then({ type: 'UnionRegistered', data });
    expect([{ type: 'UnionRegistered' as const, data }].reduce(evolve, initialState())).not.toHaveProperty(
      'termEndsOn',
    );
  });

  it('refuses a term the rules do not allow', () =>
    given([])
      .when(register({ electedOn: '2023-06-16', termYears: 4 as 3 }))
      .thenThrows(IllegalStateError, /3 or 5 years/));

  it('refuses an election before the founding or in the future', () => {
    given([])
      .when(register({ electedOn: '1998-04-30', termYears: 5 }))
      .thenThrows(IllegalStateError, /cannot precede the founding/);
    given([])
      .when(register({ electedOn: '2026-03-02', termYears: 5 }))
      .thenThrows(IllegalStateError, /future/);
  });
});
