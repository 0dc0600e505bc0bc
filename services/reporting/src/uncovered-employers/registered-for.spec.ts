import { registeredFor } from './registered-for';

describe('registeredFor', () => {
  it('counts days and whole months', () => {
    expect(registeredFor('2025-12-01', '2026-03-01')).toEqual({ days: 90, months: 3 });
  });

  it('counts a month only once its day of the month is reached', () => {
    expect(registeredFor('2026-01-31', '2026-02-28')).toEqual({ days: 28, months: 0 });
    expect(registeredFor('2026-01-15', '2026-02-15')).toEqual({ days: 31, months: 1 });
  });

  it('is zero on the day of registration', () => {
    expect(registeredFor('2026-05-05', '2026-05-05')).toEqual({ days: 0, months: 0 });
  });

  it('crosses years', () => {
    expect(registeredFor('2024-02-29', '2025-02-28')).toEqual({ days: 365, months: 11 });
  });
});
