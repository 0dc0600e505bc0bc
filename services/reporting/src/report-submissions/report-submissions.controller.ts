import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';

import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import { CommandPost, SignedInCommand } from '@taizhang/bootstrap';
import type { ReportPeriod } from '@taizhang/contracts';
import type { CommandResult } from '@taizhang/event-store';
import { NotFoundError, poolOf, PostgresEventStore, ValidationError } from '@taizhang/event-store';

import { childrenAsOf } from '../as-of';
import { figuresAt, requireOrgPathInScope } from '../org-summary';
import {
  SubmissionsDto,
  SubmissionsQueryDto,
  SubmitReportDto,
  SubmittedReportDto,
} from './dto/report-submission.dto';
import { figureChanges, frozenFigures } from './figure-changes';
import { NotOwnUnitError } from './not-own-unit.error';
import { lastDayOf, parsePeriod } from './report-period';
import { runSubmitReport } from './report-streams';
import { SUBMITTING_KINDS } from './report-submission.decider';
import { latestSubmissions, readSubmission, submissionState } from './report-submissions.query';
import { UNITS } from './report-submissions.sql';

interface Unit {
  org_unit_id: string;
  name: string | null;
  kind: string;
}

const periodOf = (text: string): ReportPeriod => {
  const period = parsePeriod(text);
  if (period === null)
    throw new ValidationError({
      en: 'period must be a month as YYYY-MM or a year as YYYY.',
      zh: '统计期须为年月（YYYY-MM）或年份（YYYY）。',
    });

  return period;
};

const reportNotFound = (reportId: string) =>
  new NotFoundError({ en: `No report ${reportId}.`, zh: '未找到该报表。' });

/**
 * 报表报送: a street or district federation submits its figures for a month or a year upward,
 * frozen as known at that instant (`ReportSubmitted`, on reporting's own store and topic); the
 * unit above sees who has submitted, opens a report as it was and what late entries changed.
 */
@ApiTags('report submissions 报表报送')
@Controller('reports')
export class ReportSubmissionsController {
  private readonly pool: Pool;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly store: PostgresEventStore,
  ) {
    this.pool = poolOf(dataSource);
  }

  /** Freezes the unit's figures on the period's last day as known now; again, a correction 更正. */
  @CommandPost(201, ['federation_officer'], 'org-units/:id/submissions')
  async submit(
    @Param('id') id: string,
    @Body() body: SubmitReportDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const path = await requireOrgPathInScope(this.pool, user, id);
    if (user.orgUnitId !== id) throw new NotOwnUnitError();
    const period = periodOf(body.period);
    const [unit] = (await this.pool.query<Unit>(UNITS, [[id]])).rows;
    const metadata = request.metadata();
    // As known at the command's own instant: the event's knownAt reproduces them exactly.
    const figures = await figuresAt(this.pool, id, lastDayOf(period), metadata.now.toISOString());

    return runSubmitReport(
      this.store,
      {
        type: 'SubmitReport',
        data: {
          reportId: randomUUID(),
          unit: { orgUnitId: id, kind: unit?.kind ?? 'unknown' },
          period,
          figures: frozenFigures(figures),
          employerRegistry: figures.employerRegistry,
          submittedBy: { userId: user.id, username: user.username },
        },
        metadata,
      },
      {
        unit: { id, path },
        expectedVersion: request.expectedVersion,
        // The same key and period is the same submission, whatever the figures are by then.
        fingerprint: ['SubmitReport', id, body],
      },
    );
  }

  /** Which of the unit's child streets or districts have submitted the period, when and by whom. */
  @Roles('federation_officer', 'auditor')
  @Get('org-units/:id/submissions')
  @ApiOkResponse({ type: SubmissionsDto })
  async submissions(
    @Param('id') id: string,
    @Query() query: SubmissionsQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SubmissionsDto> {
    await requireOrgPathInScope(this.pool, user, id);
    const period = periodOf(query.period);
    const asOf = lastDayOf(period);
    const childIds = await childrenAsOf(this.pool, id, asOf);
    const units = (await this.pool.query<Unit>(UNITS, [[id, ...childIds]])).rows;
    const children = units.filter(
      (unit) => unit.org_unit_id !== id && SUBMITTING_KINDS.includes(unit.kind),
    );
    const latest = await latestSubmissions(
      this.pool,
      [id, ...children.map((child) => child.org_unit_id)],
      period,
    );
    const stateOf = (unitId: string) => {
      const row = latest.get(unitId);

      return row ? submissionState(row) : null;
    };
    const rows = children.map((child) => ({
      orgUnitId: child.org_unit_id,
      name: child.name,
      kind: child.kind,
      submission: stateOf(child.org_unit_id),
    }));
    const submitted = rows.filter((row) => row.submission !== null).length;

    return {
      orgUnitId: id,
      kind: units.find((unit) => unit.org_unit_id === id)?.kind ?? 'unknown',
      period,
      asOf,
      own: stateOf(id),
      children: rows,
      submitted,
      notYet: rows.length - submitted,
    };
  }

  /** A report exactly as submitted, and what entries recorded since changed of the same day. */
  @Roles('federation_officer', 'auditor')
  @Get('submissions/:reportId')
  @ApiOkResponse({ type: SubmittedReportDto })
  async report(
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SubmittedReportDto> {
    const row = await readSubmission(this.pool, reportId);
    if (row === null) throw reportNotFound(reportId);
    // Where the unit is now: outside the caller's subtree it is as absent.
    try {
      await requireOrgPathInScope(this.pool, user, row.org_unit_id);
    } catch (error) {
      if (error instanceof NotFoundError) throw reportNotFound(reportId);
      throw error;
    }
    const checkedAt = new Date().toISOString();
    const [now, units] = await Promise.all([
      figuresAt(this.pool, row.org_unit_id, row.as_of),
      this.pool.query<Unit>(UNITS, [[row.org_unit_id]]),
    ]);
    const unit = units.rows[0];

    return {
      reportId: row.report_id,
      eventId: row.event_id,
      orgUnitId: row.org_unit_id,
      name: unit?.name ?? null,
      kind: unit?.kind ?? 'unknown',
      period: { kind: row.period_kind, value: row.period_value },
      asOf: row.as_of,
      knownAt: row.known_at.toISOString(),
      version: row.version,
      supersedes: row.supersedes,
      latest: row.latest_report_id === row.report_id,
      latestReportId: row.latest_report_id,
      submittedBy: row.submitted_by,
      submittedAt: row.submitted_at.toISOString(),
      figures: row.figures,
      employerRegistry: row.employer_registry,
      checkedAt,
      changesSince: figureChanges(row.figures, now),
    };
  }
}
