import type { ReportSubmitted } from '@taizhang/contracts';
import { IllegalStateError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { SubmitReport } from './report-submission.commands';
import { reportSubmissionDecider } from './report-submission.decider';

const spec = DeciderSpecification.for(reportSubmissionDecider);
// 2026-12-01 09:30 in China: November is over, December is not.
const NOW = '2026-12-01T01:30:00.000Z';
const metadata = commandMetadata({ now: NOW, actorRole: 'federation_officer' });
const registry = {
  source: 'employer-registry' as const,
  oldestHeadcountsAsOf: '2026-01-01',
  newestHeadcountsAsOf: '2026-11-01',
};
const submit = (more: Partial<SubmitReport['data']> = {}): SubmitReport => ({
  type: 'SubmitReport',
  data: {
    reportId: 'r2',
    unit: { orgUnitId: 's1', kind: 'street' },
    period: { kind: 'month', value: '2026-11' },
    figures: { members: 120, unions: 3, unionisationRate: 0.75 },
    employerRegistry: registry,
    submittedBy: { userId: 'u-1', username: '街道统计员' },
    ...more,
  },
  metadata,
});
const submitted = (reportId: string, version: number, supersedes: string | null) =>
  ({
    type: 'ReportSubmitted',
    data: {
      reportId,
      orgUnitId: 's1',
      period: { kind: 'month', value: '2026-11' },
      asOf: '2026-11-30',
      knownAt: NOW,
      figures: { members: 120, unions: 3, unionisationRate: 0.75 },
      employerRegistry: registry,
      submittedBy: { userId: 'u-1', username: '街道统计员' },
      submittedAt: NOW,
      version,
      supersedes,
    },
  }) satisfies ReportSubmitted;

describe('Report submissions (报表报送)', () => {
  describe('when nothing was submitted for the period', () => {
    it('freezes the figures as of the period’s last day, as known at the instant', () =>
      spec
        .given([])
        .when(submit())
        .then(submitted('r2', 1, null)));

    it('takes a year, as of 31 December', () =>
      spec
        .given([])
        .when(submit({ period: { kind: 'year', value: '2025' } }))
        .then({
          type: 'ReportSubmitted',
          data: {
            ...submitted('r2', 1, null).data,
            period: { kind: 'year', value: '2025' },
            asOf: '2025-12-31',
          },
        }));

    it('refuses a period not over yet (in China): this month, this year, a later one', () => {
      for (const period of [
        { kind: 'month', value: '2026-12' },
        { kind: 'year', value: '2026' },
        { kind: 'month', value: '2027-01' },
      ] as const)
        spec
          .given([])
          .when(submit({ period }))
          .thenThrows(IllegalStateError, /not ended/);
      // 2026-11-30 23:30 in China is still November.
      spec
        .given([])
        .when({ ...submit(), metadata: { ...metadata, now: new Date('2026-11-30T15:30:00Z') } })
        .thenThrows(IllegalStateError, /not ended/);
    });

    it('refuses a union and the municipal federation: only streets and districts report', () => {
      for (const kind of ['union', 'municipal'])
        spec
          .given([])
          .when(submit({ unit: { orgUnitId: 's1', kind } }))
          .thenThrows(IllegalStateError, /street or district/);
    });
  });

  describe('when the period was submitted', () => {
    it('records a correction 更正 as the next version, superseding the latest', () => {
      spec
        .given([submitted('r1', 1, null)])
        .when(submit())
        .then(submitted('r2', 2, 'r1'));
      spec
        .given([submitted('r0', 1, null), submitted('r1', 2, 'r0')])
        .when(submit())
        .then(submitted('r2', 3, 'r1'));
    });
  });
});
