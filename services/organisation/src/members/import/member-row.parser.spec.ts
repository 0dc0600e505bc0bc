import type { CellValue } from '@taizhang/sheets';

import { parseMemberRow } from './member-row.parser';
import type { MemberColumn } from './member-sheet.columns';

const cells = (overrides: Partial<Record<MemberColumn, CellValue>> = {}) => ({
  name: '王秀英',
  gender: '女',
  idCardNumber: ' 210102198503121228 ',
  phone: 13812345678,
  birthDate: null,
  employerId: null,
  employmentForm: '劳务派遣',
  migrantWorker: '是',
  joinedOn: '2020/7/1',
  channel: '源头入会',
  ...overrides,
});
const codesOf = (parsed: ReturnType<typeof parseMemberRow>) =>
  'reasons' in parsed ? parsed.reasons.map((r) => `${r.code}:${r.column}`) : [];

describe('a member sheet row', () => {
  it('becomes the body of a join: labels to values, dates as YYYY-MM-DD, the name as typed', () =>
    expect(parseMemberRow(cells())).toEqual({
      body: {
        name: '王秀英',
        gender: 'female',
        idCardNumber: '210102198503121228',
        phone: '13812345678',
        employmentForm: 'dispatched',
        migrantWorker: true,
        joinedOn: '2020-07-01',
        channel: 'at_source',
      },
    }));

  it('reads dates however a sheet holds them, and leaves 入会方式 to mean 个人', () => {
    const parsed = parseMemberRow(
      cells({ joinedOn: 43983, birthDate: '1985年3月12日', channel: null }),
    );

    expect(parsed).toMatchObject({
      body: { joinedOn: '2020-06-01', birthDate: '1985-03-12', channel: 'individual' },
    });
  });

  it('names every problem of its cells at once, with its column', () =>
    expect(
      codesOf(
        parseMemberRow(
          cells({
            name: ' ',
            gender: '未知',
            idCardNumber: 210102198503121220,
            migrantWorker: 'Y',
            joinedOn: '2020-02-30',
          }),
        ),
      ),
    ).toEqual([
      'MISSING_VALUE:姓名',
      'INVALID_VALUE:性别',
      'CELL_NOT_TEXT:身份证号码',
      'INVALID_VALUE:是否农民工',
      'INVALID_DATE:入会日期',
    ]));

  it('keeps the checks of a single join on its text', () =>
    expect(codesOf(parseMemberRow(cells({ name: '王\u0007秀英' })))).toEqual([
      'INVALID_VALUE:姓名',
    ]));
});
