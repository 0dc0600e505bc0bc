import { ConflictException, NotFoundException } from '@nestjs/common';

import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';

import { IllegalStateError } from '@taizhang/domain';

import { exceptionToProblem } from './exception-to-problem';

describe('exceptionToProblem', () => {
  it('lists each invalid field of a zod validation failure', () => {
    const result = z.object({ members: z.array(z.object({ name: z.string() })) }).safeParse({
      members: [{ name: 1 }],
    });

    expect(exceptionToProblem(new ZodValidationException(result.error))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'members.0.name', message: 'Invalid input: expected string, received number' },
      ],
    });
  });

  it("keeps a domain error's status, code and details", () => {
    const error = new IllegalStateError('The union is dissolved.', 'UNION_DISSOLVED', {
      unionId: 'u-1',
    });

    expect(exceptionToProblem(error)).toEqual({
      type: 'urn:taizhang:problem:union-dissolved',
      title: 'Unprocessable Entity',
      status: 422,
      code: 'UNION_DISSOLVED',
      detail: 'The union is dissolved.',
      en: 'The union is dissolved.',
      zh: 'The union is dissolved.',
      unionId: 'u-1',
    });
  });

  it('answers both languages as fields, and together in the detail', () => {
    const legacy = new IllegalStateError('The union is dissolved. / 该工会已撤销。', 'UNION_DISSOLVED');
    const bilingual = new IllegalStateError(
      { en: 'The union is dissolved.', zh: '该工会已撤销。' },
      'UNION_DISSOLVED',
    );

    for (const error of [legacy, bilingual])
      expect(exceptionToProblem(error)).toMatchObject({
        detail: 'The union is dissolved. / 该工会已撤销。',
        en: 'The union is dissolved.',
        zh: '该工会已撤销。',
      });
  });

  it('adds in-scope-only message and details only for a caller in scope', () => {
    const error = new IllegalStateError(
      'Already a member of another union: ask for a transfer.',
      'MEMBER_ALREADY_ACTIVE',
      {},
      {
        unitId: 'u-2',
        message: 'Already a member of union u-2: record a transfer.',
        details: { memberId: 'm-1', unionId: 'u-2' },
      },
    );

    const outside = exceptionToProblem(error);
    expect(outside).toMatchObject({
      detail: 'Already a member of another union: ask for a transfer.',
    });
    expect(JSON.stringify(outside)).not.toMatch(/u-2|m-1/);
    expect(exceptionToProblem(error, { inScope: true })).toMatchObject({
      detail: 'Already a member of union u-2: record a transfer.',
      en: 'Already a member of union u-2: record a transfer.',
      memberId: 'm-1',
      unionId: 'u-2',
    });
  });

  it('takes the code of a Nest exception from its response, else from its status', () => {
    expect(
      exceptionToProblem(
        new ConflictException({ code: 'ALREADY_MEMBER', message: 'Already a member.' }),
      ),
    ).toMatchObject({ status: 409, code: 'ALREADY_MEMBER', detail: 'Already a member.' });
    expect(exceptionToProblem(new NotFoundException('Cannot GET /x'))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      detail: 'Cannot GET /x',
    });
  });

  it('answers a client error raised by Express middleware with its status', () => {
    const error = Object.assign(new Error('request aborted'), { status: 400, expose: true });

    expect(exceptionToProblem(error)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it.each([new Error('db password is hunter2'), 'a thrown string', { status: 400 }])(
    'answers anything else with a generic 500',
    (thrown) => {
      const problem = exceptionToProblem(thrown);

      expect(problem).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
      expect(JSON.stringify(problem)).not.toContain('hunter2');
    },
  );
});
