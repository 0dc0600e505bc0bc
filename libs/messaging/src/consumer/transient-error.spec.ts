import { isTransientInfrastructureError } from './transient-error';

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
