import type { EmployerRegistered } from '@taizhang/contracts';
import { NotFoundError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { EmployerCommand } from './employer.commands';
import type { EmployerEvent } from './employer.decider';
import { employerDecider, evolve, initialState } from './employer.decider';
import { EmployerRuleError } from './employer.error';

const { given } = DeciderSpecification.for(employerDecider);
const metadata = commandMetadata({ now: '2026-03-01T07:00:00Z' });
const CODE = '91350100M000100Y43';
const street = { id: 's1', kind: 'street' as const, orgPath: 'm1/d1/s1' };
const headcounts = {
  headcount: 120,
  femaleHeadcount: 50,
  migrantHeadcount: 30,
  newFormHeadcount: 4,
};
const details = {
  address: '沈阳市铁西区开发大路17甲1号',
  legalRepresentative: '王玉琦',
  registeredCapital: 155_000_000_000,
};
const registered: EmployerRegistered = {
  type: 'EmployerRegistered',
  data: {
    employerId: CODE,
    creditCode: CODE,
    name: '沈阳机床（集团）有限责任公司',
    kind: 'enterprise',
    streetId: 's1',
    orgPath: `m1/d1/s1/${CODE}`,
    registeredOn: '2025-06-30',
    ...headcounts,
  },
};
const updated: EmployerEvent = {
  type: 'EmployerHeadcountsUpdated',
  data: { employerId: CODE, asOf: '2025-12-31', ...headcounts, headcount: 140 },
};
const command = (type: EmployerCommand['type'], data: object): EmployerCommand =>
  ({ type, data: { employerId: CODE, ...data }, metadata }) as EmployerCommand;
const correct = (data: object = {}) =>
  command('CorrectEmployerHeadcounts', {
    asOf: '2025-06-30',
    ...headcounts,
    headcount: 125,
    reason: '录入错误',
    ...data,
  });
const stateAfter = (events: EmployerEvent[]) => events.reduce(evolve, initialState());

describe('Employer records a founding application needs', () => {
  describe('address, legal representative and registered capital', () => {
    it('are recorded at registration when given, each optional', () => {
      given([])
        .when(
          command('RegisterEmployer', {
            creditCode: CODE,
            name: '沈阳机床（集团）有限责任公司',
            kind: 'enterprise',
            street,
            registeredOn: '2025-06-30',
            ...headcounts,
            ...details,
          }),
        )
        .then({ ...registered, data: { ...registered.data, ...details } });
      given([])
        .when(
          command('RegisterEmployer', {
            creditCode: CODE,
            name: '沈阳机床（集团）有限责任公司',
            kind: 'enterprise',
            street,
            registeredOn: '2025-06-30',
            ...headcounts,
            legalRepresentative: '王玉琦',
          }),
        )
        .then({ ...registered, data: { ...registered.data, legalRepresentative: '王玉琦' } });
    });

    it('change from a date, only those given and different', () => {
      const withDetails = { ...registered, data: { ...registered.data, ...details } };
      given([withDetails])
        .when(
          command('ChangeEmployerDetails', {
            effectiveOn: '2026-01-15',
            legalRepresentative: '关锡友',
            registeredCapital: details.registeredCapital,
          }),
        )
        .then({
          type: 'EmployerDetailsChanged',
          data: { employerId: CODE, effectiveOn: '2026-01-15', legalRepresentative: '关锡友' },
        });
      given([withDetails])
        .when(command('ChangeEmployerDetails', { effectiveOn: '2026-01-15', ...details }))
        .then([]);
      expect(
        stateAfter([
          registered,
          {
            type: 'EmployerDetailsChanged',
            data: { employerId: CODE, effectiveOn: '2026-01-15', address: '沈阳市铁西区北二中路' },
          },
        ]),
      ).toMatchObject({ address: '沈阳市铁西区北二中路' });
    });

    it('refuse an empty change, one before the registration or in the future, and a closed employer', () => {
      given([registered])
        .when(command('ChangeEmployerDetails', { effectiveOn: '2026-01-15' }))
        .thenThrows(EmployerRuleError, /Give an address/);
      given([registered])
        .when(command('ChangeEmployerDetails', { effectiveOn: '2025-06-29', ...details }))
        .thenThrows(EmployerRuleError, /before the registration/);
      given([registered])
        .when(command('ChangeEmployerDetails', { effectiveOn: '2026-03-02', ...details }))
        .thenThrows(EmployerRuleError, /future/);
      given([
        registered,
        {
          type: 'EmployerClosed',
          data: { employerId: CODE, closedOn: '2026-01-01', reason: '注销' },
        },
      ])
        .when(command('ChangeEmployerDetails', { effectiveOn: '2026-01-15', ...details }))
        .thenThrows(EmployerRuleError, /closed/);
      given([])
        .when(command('ChangeEmployerDetails', { effectiveOn: '2026-01-15', ...details }))
        .thenThrows(NotFoundError);
    });
  });

  describe('a correction of the figures of a past date', () => {
    const corrected: EmployerEvent = {
      type: 'EmployerHeadcountsCorrected',
      data: {
        employerId: CODE,
        asOf: '2025-06-30',
        ...headcounts,
        headcount: 125,
        corrects: headcounts,
        reason: '录入错误',
      },
    };

    it('replaces the figures recorded for that date and says what it corrects', () =>
      given([registered, updated]).when(correct()).then(corrected));

    it('keeps the figures in force when an earlier date is corrected, and corrects them when it is theirs', () => {
      expect(stateAfter([registered, updated, corrected])).toMatchObject({
        headcount: 140,
        headcountsAsOf: '2025-12-31',
        recordedHeadcounts: [
          { asOf: '2025-06-30', ...headcounts, headcount: 125 },
          { asOf: '2025-12-31', ...headcounts, headcount: 140 },
        ],
      });
      const latest: EmployerEvent = {
        type: 'EmployerHeadcountsCorrected',
        data: {
          employerId: CODE,
          asOf: '2025-12-31',
          ...headcounts,
          headcount: 138,
          corrects: { ...headcounts, headcount: 140 },
          reason: '统计口径错误',
        },
      };
      expect(stateAfter([registered, updated, latest])).toMatchObject({
        headcount: 138,
        headcountsAsOf: '2025-12-31',
      });
    });

    it('corrects the corrected figures again, saying so', () =>
      given([registered, corrected])
        .when(correct({ headcount: 126 }))
        .then({
          ...corrected,
          data: { ...corrected.data, headcount: 126, corrects: { ...headcounts, headcount: 125 } },
        }));

    it('changes nothing with the same figures again, and corrects a closed employer’s past', () => {
      given([registered, corrected]).when(correct()).then([]);
      given([
        registered,
        {
          type: 'EmployerClosed',
          data: { employerId: CODE, closedOn: '2026-01-01', reason: '注销' },
        },
      ])
        .when(correct())
        .then(corrected);
    });

    it('refuses a date no figures were recorded for, bad figures, and an unknown employer', () => {
      given([registered, updated])
        .when(correct({ asOf: '2025-09-30' }))
        .thenThrows(EmployerRuleError, /No figures were recorded for 2025-09-30/);
      given([registered])
        .when(correct({ femaleHeadcount: 500 }))
        .thenThrows(EmployerRuleError, /cannot be more than/);
      given([]).when(correct()).thenThrows(NotFoundError);
    });
  });
});
