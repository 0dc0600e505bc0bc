import { bilingual, IllegalStateError, NotFoundError, oneLine } from './domain-error';

describe('a domain error', () => {
  it('carries both languages as fields, and both in its message', () => {
    const error = new IllegalStateError(
      { en: 'The union is dissolved.', zh: '该工会已撤销。' },
      'UNION_DISSOLVED',
      { unionId: 'u-1' },
    );

    expect(error).toMatchObject({
      code: 'UNION_DISSOLVED',
      status: 422,
      en: 'The union is dissolved.',
      zh: '该工会已撤销。',
      message: 'The union is dissolved. / 该工会已撤销。',
      details: { unionId: 'u-1' },
      name: 'IllegalStateError',
    });
  });

  it('reads an older "English / 中文" message into the two fields, splitting at the last separator', () => {
    const error = new NotFoundError('Union a / b does not exist. / 工会不存在。');

    expect([error.en, error.zh, error.message]).toEqual([
      'Union a / b does not exist.',
      '工会不存在。',
      'Union a / b does not exist. / 工会不存在。',
    ]);
    expect(error.code).toBe('NOT_FOUND');
  });

  it('says an English-only message in both fields', () =>
    expect(bilingual('Reload and try again.')).toEqual({
      en: 'Reload and try again.',
      zh: 'Reload and try again.',
    }));

  it('writes both languages on one line, a plain string as it is', () => {
    expect(oneLine({ en: 'Too late.', zh: '太晚了。' })).toBe('Too late. / 太晚了。');
    expect(oneLine('Too late.')).toBe('Too late.');
  });
});
