import type { EmployerRegistered } from '@taizhang/contracts';
import { NotFoundError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import { creditCodeCheckCharacter } from './credit-code';
import type {
  CloseEmployer,
  RegisterEmployer,
  UpdateEmployerHeadcounts,
} from './employer.commands';
import { employerDecider } from './employer.decider';
import { EmployerRuleError } from './employer.error';

const given = DeciderSpecification.for(employerDecider).given;
// 2026-03-01 07:00 in UTC is 15:00 on 2026-03-01 in China.
const metadata = commandMetadata({ now: '2026-03-01T07:00:00Z' });
// The example of GB 32100 itself, and a real enterprise's code.
const CODE = '91350100M000100Y43';
const OTHER_CODE = '9144030071526726XG';
/** A code with a correct final check character over the given 17 characters. */
const withCheck = (first17: string): string => first17 + creditCodeCheckCharacter(first17);

const street = { id: 's1', kind: 'street' as const, orgPath: 'm1/d1/s1' };
const headcounts = {
  headcount: 120,
  femaleHeadcount: 50,
  migrantHeadcount: 30,
  newFormHeadcount: 4,
};
const register = (data: Partial<RegisterEmployer['data']> = {}): RegisterEmployer => ({
  type: 'RegisterEmployer',
  data: {
    creditCode: CODE,
    name: '沈阳机床（集团）有限责任公司',
    kind: 'enterprise',
    street,
    ...headcounts,
    ...data,
  },
  metadata,
});
const registered: EmployerRegistered = {
  type: 'EmployerRegistered',
  data: {
    employerId: CODE,
    creditCode: CODE,
    name: '沈阳机床（集团）有限责任公司',
    kind: 'enterprise',
    streetId: 's1',
    orgPath: `m1/d1/s1/${CODE}`,
    registeredOn: '2026-03-01',
    ...headcounts,
  },
};
const update = (
  data: Partial<UpdateEmployerHeadcounts['data']> = {},
): UpdateEmployerHeadcounts => ({
  type: 'UpdateEmployerHeadcounts',
  data: { employerId: CODE, asOf: '2026-03-01', ...headcounts, headcount: 130, ...data },
  metadata,
});
const close = (data: Partial<CloseEmployer['data']> = {}): CloseEmployer => ({
  type: 'CloseEmployer',
  data: { employerId: CODE, closedOn: '2026-03-01', reason: '企业注销', ...data },
  metadata,
});
const closed = {
  type: 'EmployerClosed' as const,
  data: { employerId: CODE, closedOn: '2026-03-01', reason: '企业注销' },
};

describe('Employer', () => {
  describe('when not registered', () => {
    it('registers in a street, under the street’s path, as of today in China', () =>
      given([]).when(register()).then(registered));

    it('registers another valid code with its own id, as of an earlier date', () =>
      given([])
        .when(register({ creditCode: OTHER_CODE, registeredOn: '2025-12-31' }))
        .then({
          ...registered,
          data: {
            ...registered.data,
            employerId: OTHER_CODE,
            creditCode: OTHER_CODE,
            orgPath: `m1/d1/s1/${OTHER_CODE}`,
            registeredOn: '2025-12-31',
          },
        }));

    it('accepts headcounts of zero and parts equal to the whole', () =>
      given([])
        .when(
          register({ headcount: 7, femaleHeadcount: 7, migrantHeadcount: 7, newFormHeadcount: 0 }),
        )
        .then({
          ...registered,
          data: {
            ...registered.data,
            headcount: 7,
            femaleHeadcount: 7,
            migrantHeadcount: 7,
            newFormHeadcount: 0,
          },
        }));
  });

  describe('credit code', () => {
    const refused = (creditCode: string, message: RegExp) =>
      given([]).when(register({ creditCode })).thenThrows(EmployerRuleError, message);

    it('refuses a wrong check character', () => refused('91350100M000100Y44', /check character/));

    it('refuses lowercase letters, and says to write capitals', () =>
      refused('91350100m000100y43', /as capitals/));

    it.each(['I', 'O', 'Z', 'S', 'V'])(
      'refuses the letter %s, which GB 32100 never uses',
      (letter) => refused(`91350100M000100${letter}43`, new RegExp(`never has: ${letter}`)),
    );

    it('refuses spaces and full-width characters', () => {
      refused('91350100M000100Y4 ', /never has/);
      refused('９1350100M000100Y43', /never has/);
    });

    it.each([
      ['17', '91350100M000100Y4'],
      ['19', '91350100M000100Y433'],
      ['0', ''],
    ])('refuses a code of %s characters', (length, code) =>
      refused(code, new RegExp(`this one has ${length}`)),
    );

    it('refuses a code whose organisation code fails its own GB 11714 check', () =>
      refused(withCheck('91350100M000100Y5'), /organisation code/));

    it('refuses an unknown registration authority and an organisation type of 0', () => {
      refused(withCheck('B1350100M000100Y4'), /registration authority/);
      refused(withCheck('90350100M000100Y4'), /organisation type/);
    });

    it('refuses a region code that is not six digits', () =>
      refused(withCheck('9135A100M000100Y4'), /region code/));
  });

  describe('registration rules', () => {
    it('refuses a street that does not exist', () =>
      given([])
        .when(register({ street: null }))
        .thenThrows(EmployerRuleError, /street does not exist/));

    it('refuses a district or municipal unit in place of a street', () =>
      given([])
        .when(register({ street: { id: 'd1', kind: 'district', orgPath: 'm1/d1' } }))
        .thenThrows(EmployerRuleError, /not in a district unit/));

    it.each(['femaleHeadcount', 'migrantHeadcount', 'newFormHeadcount'])(
      'refuses %s larger than the headcount',
      (field) =>
        given([])
          .when(
            register({
              headcount: 10,
              femaleHeadcount: 0,
              migrantHeadcount: 0,
              newFormHeadcount: 0,
              [field]: 11,
            }),
          )
          .thenThrows(EmployerRuleError, new RegExp(`${field} \\(11\\) cannot be more than`)),
    );

    it('refuses negative and fractional headcounts', () => {
      given([])
        .when(register({ headcount: -1 }))
        .thenThrows(EmployerRuleError, /headcount must be a whole number/);
      given([])
        .when(register({ migrantHeadcount: 2.5 }))
        .thenThrows(EmployerRuleError, /migrantHeadcount must be a whole number/);
    });

    it('refuses a registration date after today in China', () =>
      given([])
        .when(register({ registeredOn: '2026-03-02' }))
        .thenThrows(EmployerRuleError, /in the future/));
  });

  describe('when registered', () => {
    it('refuses the same credit code again, wherever it is registered', () =>
      given([registered])
        .when(register({ street: { id: 's2', kind: 'street', orgPath: 'm1/d2/s2' } }))
        .thenThrows(EmployerRuleError, /already registered/));

    it('records headcounts as of a later date', () =>
      given([{ ...registered, data: { ...registered.data, registeredOn: '2025-06-30' } }])
        .when(update())
        .then({
          type: 'EmployerHeadcountsUpdated',
          data: { employerId: CODE, asOf: '2026-03-01', ...headcounts, headcount: 130 },
        }));

    it('corrects the figures of the same date, and records nothing for the same figures', () => {
      given([registered])
        .when(update())
        .then({
          type: 'EmployerHeadcountsUpdated',
          data: { employerId: CODE, asOf: '2026-03-01', ...headcounts, headcount: 130 },
        });
      given([registered])
        .when(update({ headcount: 120 }))
        .then([]);
    });

    it('refuses figures older than the recorded ones', () =>
      given([registered])
        .when(update({ asOf: '2026-02-28' }))
        .thenThrows(EmployerRuleError, /older than those recorded \(as of 2026-03-01\)/));

    it('refuses figures dated in the future and parts larger than the whole', () => {
      given([registered])
        .when(update({ asOf: '2026-03-02' }))
        .thenThrows(EmployerRuleError, /in the future/);
      given([registered])
        .when(update({ femaleHeadcount: 131 }))
        .thenThrows(EmployerRuleError, /femaleHeadcount \(131\) cannot be more/);
    });

    it('closes with its reason', () => given([registered]).when(close()).then(closed));

    it('refuses a closing date before the last figures, or in the future', () => {
      given([registered])
        .when(close({ closedOn: '2026-02-01' }))
        .thenThrows(EmployerRuleError, /before the last recorded figures/);
      given([registered])
        .when(close({ closedOn: '2026-03-02' }))
        .thenThrows(EmployerRuleError, /in the future/);
    });
  });

  describe('when closed', () => {
    it('records nothing more: no figures, no second closing, no new registration', () => {
      given([registered, closed])
        .when(update())
        .thenThrows(EmployerRuleError, /closed on 2026-03-01/);
      given([registered, closed])
        .when(close())
        .thenThrows(EmployerRuleError, /closed on 2026-03-01/);
      given([registered, closed])
        .when(register())
        .thenThrows(EmployerRuleError, /already registered/);
    });
  });

  describe('when it does not exist', () => {
    it('cannot have figures recorded or be closed', () => {
      given([]).when(update()).thenThrows(NotFoundError);
      given([]).when(close()).thenThrows(NotFoundError);
    });
  });
});
