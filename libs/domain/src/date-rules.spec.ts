import { businessDate, startOfBusinessDate } from './business-date';
import { notInFuture } from './date-rules';
import { IllegalStateError } from './domain-error';

// 2024-03-01 00:30 in China, still 2024-02-29 in UTC.
const now = new Date('2024-02-29T16:30:00Z');

describe('the business date', () => {
  it('is the calendar date in China, not in UTC', () => {
    expect(businessDate(now)).toBe('2024-03-01');
    expect(startOfBusinessDate('2024-03-01').toISOString()).toBe('2024-02-29T16:00:00.000Z');
  });
});

describe('notInFuture', () => {
  it("lets today in China and earlier dates through, though UTC's today is earlier", () => {
    expect(() => notInFuture('2024-03-01', now, 'join date', '入会日期')).not.toThrow();
    expect(() => notInFuture('2019-12-31', now, 'join date', '入会日期')).not.toThrow();
  });

  it('refuses tomorrow, naming the date in both languages', () => {
    const refusal = (() => {
      try {
        notInFuture('2024-03-02', now, 'join date', '入会日期');
      } catch (error) {
        return error;
      }

      return undefined;
    })();

    expect(refusal).toBeInstanceOf(IllegalStateError);
    expect(refusal).toMatchObject({
      code: 'DATE_IN_FUTURE',
      status: 422,
      en: 'The join date 2024-03-02 is in the future.',
      zh: '入会日期不能晚于今天。',
    });
  });
});
