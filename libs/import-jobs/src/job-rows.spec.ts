import { resultOf, storedRowOf } from './job-rows';

const reason = { code: 'MISSING_VALUE', column: '入会日期', zh: '入会日期未填写。', en: 'Empty.' };

describe('the answer of a job', () => {
  it('keeps each outcome as a row of its own', () =>
    expect(
      [
        { recorded: { row: 3, id: 'm-3' } },
        { already: { row: 4, id: 'm-4' } },
        { rejected: { row: 5, label: '张伟', reasons: [reason] } },
      ].map(storedRowOf),
    ).toEqual([
      { row: 3, outcome: 'recorded', record_id: 'm-3', label: null, reasons: null },
      { row: 4, outcome: 'already', record_id: 'm-4', label: null, reasons: null },
      { row: 5, outcome: 'rejected', record_id: null, label: '张伟', reasons: [reason] },
    ]));

  it('is built from the stored rows, over every run of the job, in row order', () =>
    expect(
      resultOf(4, [
        { row: 2, outcome: 'recorded', record_id: 'm-2', label: null, reasons: null },
        { row: 3, outcome: 'rejected', record_id: null, label: '张伟', reasons: [reason] },
        { row: 4, outcome: 'already', record_id: 'm-4', label: null, reasons: null },
        { row: 5, outcome: 'recorded', record_id: 'm-5', label: null, reasons: null },
      ]),
    ).toEqual({
      rows: 4,
      recorded: 2,
      created: [
        { row: 2, id: 'm-2' },
        { row: 5, id: 'm-5' },
      ],
      already: [{ row: 4, id: 'm-4' }],
      rejected: [{ row: 3, label: '张伟', reasons: [reason] }],
    }));
});
