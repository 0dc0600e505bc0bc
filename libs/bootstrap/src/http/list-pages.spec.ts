import { PayloadTooLargeException } from '@nestjs/common';

import { z } from 'zod';

import { EXPORT_MAX_ROWS, pageQueryFields, pageWindow, refuseLargeExport } from './list-pages';

describe('list pages', () => {
  const query = z.object(pageQueryFields).strict();

  it('reads page and pageSize from a query string, 1 and 50 by default', () => {
    expect(query.parse({})).toEqual({ page: 1, pageSize: 50 });
    expect(query.parse({ page: '3', pageSize: '20' })).toEqual({ page: 3, pageSize: 20 });
  });

  it('refuses hostile values and anything else', () => {
    for (const hostile of [
      { page: '-1' },
      { page: '0' },
      { page: '1.5' },
      { page: 'abc' },
      { pageSize: '1000000000' },
      { pageSize: '0' },
      { sort: 'name' },
    ])
      expect(query.safeParse(hostile).success).toBe(false);
  });

  it('turns a page into LIMIT and OFFSET', () => {
    expect(pageWindow({ page: 3, pageSize: 20 })).toEqual({ limit: 20, offset: 40 });
  });

  it('refuses a sheet of more rows than the cap with EXPORT_TOO_LARGE', () => {
    expect(() => refuseLargeExport(EXPORT_MAX_ROWS)).not.toThrow();
    expect(() => refuseLargeExport(EXPORT_MAX_ROWS + 1)).toThrow(PayloadTooLargeException);
    const refusal = (() => {
      try {
        refuseLargeExport(11, 10);
      } catch (error) {
        return error as PayloadTooLargeException;
      }

      return null;
    })();
    expect(refusal?.getResponse()).toMatchObject({ code: 'EXPORT_TOO_LARGE' });
  });
});
