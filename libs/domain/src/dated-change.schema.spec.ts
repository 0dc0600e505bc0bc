import { z } from 'zod';

import { datedChange } from './dated-change.schema';

describe('datedChange', () => {
  const CloseSchema = datedChange('closedOn', { date: 'the date it closed', reason: 'why' });

  it('takes the date under its own name and a reason, Chinese as sent', () => {
    expect(CloseSchema.parse({ closedOn: '2026-03-01', reason: '企业注销' })).toEqual({
      closedOn: '2026-03-01',
      reason: '企业注销',
    });
  });

  it('refuses a bad date, a blank or too long reason, and anything else', () => {
    const refused = (body: unknown) => !CloseSchema.safeParse(body).success;

    expect(refused({ closedOn: '2026-13-01', reason: 'x' })).toBe(true);
    expect(refused({ closedOn: '2026-03-01', reason: '  ' })).toBe(true);
    expect(refused({ closedOn: '2026-03-01', reason: 'x'.repeat(501) })).toBe(true);
    expect(refused({ closedOn: '2026-03-01', reason: 'x', extra: 1 })).toBe(true);
    expect(refused({ closedOn: '2026-03-01' })).toBe(true);
  });

  it('takes a shorter reason limit, and stays strict when extended', () => {
    const LeaveSchema = datedChange('leftOn', { date: 'd', reason: 'r', reasonMax: 200 });
    const MergeSchema = CloseSchema.extend({ intoUnionId: z.uuid() });

    expect(LeaveSchema.safeParse({ leftOn: '2026-03-01', reason: 'x'.repeat(201) }).success).toBe(
      false,
    );
    expect(
      MergeSchema.safeParse({
        closedOn: '2026-03-01',
        reason: 'x',
        intoUnionId: '0f9a4c1e-8c1b-4a57-9d2e-3b7a2f0c6d11',
        extra: 1,
      }).success,
    ).toBe(false);
  });
});
