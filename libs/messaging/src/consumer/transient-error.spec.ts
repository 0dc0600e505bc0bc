import { isTransientConcurrencyError, isTransientInfrastructureError } from './transient-error';

describe('isTransientInfrastructureError', () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a connection failure (SQLSTATE 08006)', Object.assign(new Error('x'), { code: '08006' })],
    ['an administrator shutdown (57P01)', Object.assign(new Error('x'), { code: '57P01' })],
    ['too many connections (53300)', Object.assign(new Error('x'), { code: '53300' })],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    [
      'a query on a client whose connection dropped',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
  ])('says yes to %s', (_, error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    [
      'a deadlock, which a retry of the handler solves',
      Object.assign(new Error('x'), { code: '40P01' }),
    ],
    ['a bug in the handler', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', 'nope'],
  ])('says no to %s', (_, error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });
});

describe('isTransientConcurrencyError', () => {
  it.each([
    ['a serialization failure (40001)', Object.assign(new Error('x'), { code: '40001' })],
    ['a deadlock (40P01)', Object.assign(new Error('x'), { code: '40P01' })],
    ['a lock timeout (55P03)', Object.assign(new Error('x'), { code: '55P03' })],
    [
      'a deadlock wrapped by the handler',
      new Error('could not apply', { cause: Object.assign(new Error('x'), { code: '40P01' }) }),
    ],
  ])('says yes to %s', (_, error) => {
    expect(isTransientConcurrencyError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a bug in the handler', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', 'nope'],
    ['nothing', undefined],
  ])('says no to %s', (_, error) => {
    expect(isTransientConcurrencyError(error)).toBe(false);
  });
});
