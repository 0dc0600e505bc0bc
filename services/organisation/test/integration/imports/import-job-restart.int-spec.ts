import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';

import request from 'supertest';

import { createServiceApp } from '@taizhang/bootstrap';
import { checkpointTopic, Topics } from '@taizhang/contracts';
import type { TestService, TestTopics } from '@taizhang/testing';
import {
  createTestAuth,
  createTestEventKeys,
  createTestTopics,
  eventually,
  startTestService,
  testPersonalDataKeys,
} from '@taizhang/testing';

import { organisationModule } from '../../../src/app.module';
import { memberRow, memberSheet, XLSX } from './import-job-sheet';

const ROWS = 4000;

interface JobRow {
  state: string;
  rows_read: number;
  recorded: number;
  rejected: number;
  runs: number;
}

/**
 * A job survives its service: stopped after some rows, the next start of the service resumes
 * it, and every row is recorded exactly once; of two instances started, one runs it (runs: 2).
 * Organisation's app in this process, three times, on one database.
 */
describe('an import job across a restart of the service', () => {
  const auth = createTestAuth();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taizhang-import-restart-'));
  let topics: TestTopics;
  let first: TestService;
  let second: NestExpressApplication | undefined;
  let third: NestExpressApplication | undefined;
  let firstClosed = false;
  const pool = () => first.db.pool;
  const jobRow = async (id: string) =>
    (
      await pool().query<JobRow>(
        'SELECT state, rows_read, recorded, rejected, runs FROM import_jobs WHERE id = $1',
        [id],
      )
    ).rows[0]!;
  beforeAll(async () => {
    topics = await createTestTopics([Topics.organisation, checkpointTopic('organisation')]);
    first = await startTestService((env) => organisationModule(env), {
      env: {
        TAIZHANG_DATA_DIR: dataDir,
        AUTH_PUBLIC_KEY: auth.publicKeyPem,
        KAFKA_TOPIC_SUFFIX: topics.names[Topics.organisation]!.slice(Topics.organisation.length),
        ...createTestEventKeys('organisation').signingEnv,
        ...testPersonalDataKeys(),
      },
    });
  });
  afterAll(async () => {
    if (!firstClosed) await first?.app.close();
    await second?.close();
    await third?.close();
    await first?.db.drop();
    await topics?.delete();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes where it stopped, records every row once, and answers exact counts', async () => {
    const city = await request(first.app.getHttpServer())
      .post('/org-units')
      .set(await auth.headers({ role: 'admin' }))
      .send({ code: '2101', name: '沈阳市总工会', kind: 'municipal' })
      .then((answer) => (answer.body as { id: string }).id);
    const district = await request(first.app.getHttpServer())
      .post('/org-units')
      .set(await auth.headers({ role: 'admin' }))
      .send({ code: '210102', name: '和平区总工会', kind: 'district', parentId: city })
      .then((answer) => (answer.body as { id: string }).id);
    const union = await request(first.app.getHttpServer())
      .post('/unions')
      .set(await auth.headers({ role: 'federation_officer', orgPath: city }))
      .send({ name: '机床厂工会', parentId: district, establishedOn: '2000-01-01' });
    expect(union.status).toBe(201);
    const unionId = (union.body as { id: string }).id;
    const rows = Array.from({ length: ROWS }, (_, i) => memberRow(40_000 + i));
    const sheet = await memberSheet([...rows, memberRow(1, null)]);

    const accepted = await request(first.app.getHttpServer())
      .post(`/unions/${unionId}/members/import`)
      .set(await auth.headers({ role: 'federation_officer', orgPath: city }))
      .set('content-type', XLSX)
      .send(sheet);
    expect(accepted.status).toBe(202);
    const id = (accepted.body as { id: string }).id;

    // Stopped once some rows are recorded: it stops between batches and stays running.
    await eventually(
      () => jobRow(id),
      ({ recorded }) => recorded >= 500,
      60_000,
    );
    await first.app.close();
    firstClosed = true;
    const stopped = await jobRow(id);
    expect(stopped).toMatchObject({ state: 'running', runs: 1 });
    expect(stopped.recorded).toBeLessThan(ROWS);
    // A crash between a batch's commit and the storing of its outcomes, as if it came then:
    // the last 100 rows recorded are recorded, but the job does not know it.
    const forgotten = await pool().query(
      `DELETE FROM import_job_rows WHERE job_id = $1 AND row IN (
         SELECT row FROM import_job_rows WHERE job_id = $1 AND outcome = 'recorded'
          ORDER BY row DESC LIMIT 100)`,
      [id],
    );
    await pool().query('UPDATE import_jobs SET recorded = recorded - $2 WHERE id = $1', [
      id,
      forgotten.rowCount,
    ]);

    // Two instances start: one of them takes the job (its lock), the other leaves it.
    second = await createServiceApp(organisationModule(first.env));
    third = await createServiceApp(organisationModule(first.env));
    await Promise.all([second.init(), third.init()]);
    await eventually(
      () => jobRow(id),
      ({ state }) => state === 'done',
      120_000,
    );

    expect(await jobRow(id)).toEqual({
      state: 'done',
      rows_read: ROWS + 1,
      recorded: ROWS,
      rejected: 1,
      runs: 2,
    });
    const answer = await request(second.getHttpServer())
      .get(`/imports/${id}`)
      .set(await auth.headers({ role: 'union_cadre', orgPath: `${city}/${district}/${unionId}` }));
    expect(answer.status).toBe(200);
    const { result } = answer.body as {
      result: { recorded: number; created: { id: string }[]; already: unknown[] };
    };
    expect(result.recorded).toBe(ROWS);
    expect(result.already).toEqual([]);
    expect(new Set(result.created.map(({ id: memberId }) => memberId)).size).toBe(ROWS);
    // No join twice: one event per person, each on its own stream.
    const joins = await pool().query<{ events: string; people: string }>(
      `SELECT count(*) AS events, count(DISTINCT stream_id) AS people FROM events
        WHERE type = 'MemberJoined'`,
    );
    expect(joins.rows[0]).toEqual({ events: String(ROWS), people: String(ROWS) });
  });
});
