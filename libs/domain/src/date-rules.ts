import { businessDate } from './business-date';
import { IllegalStateError } from './domain-error';

/** The code of a business date after today in China. */
export const DATE_IN_FUTURE = 'DATE_IN_FUTURE';

/**
 * Refuses (422 DATE_IN_FUTURE) a business date after today in China: what is recorded has
 * happened. `what` and `whatZh` name the date, e.g. 'join date', '入会日期'.
 */
export const notInFuture = (date: string, now: Date, what: string, whatZh: string): void => {
  if (date > businessDate(now))
    throw new IllegalStateError(
      { en: `The ${what} ${date} is in the future.`, zh: `${whatZh}不能晚于今天。` },
      DATE_IN_FUTURE,
    );
};
