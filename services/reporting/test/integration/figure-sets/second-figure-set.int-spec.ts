import { PATTERN_METADATA } from '@nestjs/microservices/constants';

import type { PoolClient } from 'pg';
import { z } from 'zod';

import type { EventEnvelope } from '@taizhang/contracts';
import { defineEvent, EventRegistry, Topics } from '@taizhang/contracts';
import { EventContext, writeDeferredBatches } from '@taizhang/messaging';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { figuresMoveWithSubtree } from '../../../src/as-of/deltas.sql';
import type { FigureDelta } from '../../../src/as-of/figure-set';
import { figureSet } from '../../../src/as-of/figure-set';
import { figureSetMigration } from '../../../src/as-of/figure-set.migration';
import { figureSetProjection } from '../../../src/as-of/figure-set.projection';
import { figuresAsOf } from '../../../src/as-of/figures-as-of.query';
import { employerFiguresOfUnit } from '../../../src/employer-facts/employer-facts.query';
import { orgUnitSummary } from '../../../src/org-summary/org-unit-summary.query';
import { reportingConsumers } from '../../../src/reporting.consumers';
import { reportingMigrations } from '../../../src/reporting.migrations';
import { topicConsumer } from '../../../src/topic-consumer';
import {
  federationUnitMoved,
  organisationEnvelope,
  orgUnitCreated,
} from '../../organisation-envelope';

// A test-only source: a topic of activities with its registry, as activities' would be.
const ACTIVITIES_TOPIC = 'taizhang.test-activities.v1';
const activity = z.object({
  activityId: z.string(),
  unionId: z.string(),
  heldOn: z.iso.date(),
  participants: z.number().int().nonnegative(),
});
const activitiesRegistry = new EventRegistry([
  defineEvent('ActivityHeld', 1, activity),
  defineEvent('ActivityCancelled', 1, activity),
]);

/** The test's figure set 活动指标: activities held and their participants, by union and day. */
const ACTIVITY_FIGURES = figureSet('test_activities', ['activities_held', 'participants']);
type ActivityFigure = (typeof ACTIVITY_FIGURES.figures)[number];

const activityDeltas = (event: EventEnvelope): FigureDelta<ActivityFigure>[] => {
  const sign = { ActivityHeld: 1, ActivityCancelled: -1 }[event.type];
  if (!sign) return [];
  const data = activity.parse(event.data);

  return [
    {
      unitId: data.unionId,
      day: data.heldOn,
      figures: { activities_held: sign, participants: sign * data.participants },
    },
  ];
};

const ActivitiesConsumer = topicConsumer(
  ACTIVITIES_TOPIC,
  figureSetProjection(ACTIVITY_FIGURES, activityDeltas),
);
const [OrganisationConsumer] = reportingConsumers;

const union = (id: string, parentId: string) =>
  organisationEnvelope('UnionRegistered', id, {
    unionId: id,
    name: `${id}工会`,
    parentId,
    establishedOn: '2020-01-01',
    orgPath: id,
  });
const organisation = (): EventEnvelope[] => [
  orgUnitCreated('m', 'municipal', null, 'm'),
  orgUnitCreated('d1', 'district', 'm', 'd1'),
  orgUnitCreated('d2', 'district', 'm', 'd2'),
  orgUnitCreated('s1', 'street', 'd1', 's1'),
  orgUnitCreated('s2', 'street', 'd2', 's2'),
  union('a', 's1'),
  union('b', 's2'),
  organisationEnvelope(
    'MemberJoined',
    'a',
    {
      memberId: 'p1',
      unionId: 'a',
      name: '王芳',
      joinedOn: '2021-01-01',
      gender: 'female',
      employmentForm: 'regular',
      migrantWorker: true,
    },
    { streamId: 'member-p1' },
  ),
];
const activityEvent = (type: string, id: string, unionId: string, heldOn: string, n: number) =>
  organisationEnvelope(
    type,
    unionId,
    { activityId: id, unionId, heldOn, participants: n },
    { service: 'activities', streamId: `activity-${id}` },
  );
const activities = (): EventEnvelope[] => [
  activityEvent('ActivityHeld', 'x1', 'a', '2021-03-01', 30),
  activityEvent('ActivityHeld', 'x2', 'b', '2021-06-01', 12),
  activityEvent('ActivityHeld', 'x3', 'a', '2022-01-10', 5),
  activityEvent('ActivityCancelled', 'x3', 'a', '2022-01-10', 5),
];

describe('a second figure set, fed by its own topic', () => {
  let db: TestDatabase;

  /** One transaction as the transport runs it: deferred batches written before the commit. */
  const inTransaction = async (work: (tx: PoolClient) => Promise<void>) => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await writeDeferredBatches(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  /** Hands events to a topic's consumer as the transport does, decoded by the topic's registry. */
  const apply = async (
    tx: PoolClient,
    Consumer: (typeof reportingConsumers)[number],
    topic: string,
    events: readonly EventEnvelope[],
    registry?: EventRegistry,
  ) => {
    const source = { topic, partition: 0, offset: '0', groupId: 'test' };
    for (const event of events) {
      const data = registry ? registry.validate(event.type, 1, event.data) : event.data;
      await new Consumer().onEvent({ ...event, data }, new EventContext([tx, source]));
    }
  };
  const deliver = (...args: Parameters<typeof apply> extends [unknown, ...infer R] ? R : never) =>
    inTransaction((tx) => apply(tx, ...args));

  /** Everything organisation's figures are made of, and what the summary answers from them. */
  const organisationFigures = async () => {
    const tables = {} as Record<string, unknown[]>;
    for (const table of [
      'unit_deltas',
      'subtree_deltas',
      'unit_headcount_dates',
      'subtree_headcount_dates',
    ])
      tables[table] = (await db.pool.query(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows;
    const summaries = {} as Record<string, unknown>;
    for (const id of ['m', 'd1', 'd2', 's1', 'a'])
      for (const asOf of ['2021-12-31', null])
        summaries[`${id}@${asOf}`] = {
          ...(await orgUnitSummary(db.pool, id, asOf)),
          ...(await employerFiguresOfUnit(db.pool, id, asOf)),
        };

    return { tables, summaries };
  };

  const activitiesOf = (id: string, asOf: string | null) =>
    figuresAsOf(db.pool, ACTIVITY_FIGURES, id, asOf);

  beforeAll(async () => {
    db = await createTestDatabase([
      ...reportingMigrations,
      figureSetMigration(ACTIVITY_FIGURES, 1_732_000_099_000),
    ]);
  });
  afterAll(() => db?.drop());

  it('has one consumer per topic, each listening to its own', () => {
    const patternOf = (Consumer: (typeof reportingConsumers)[number]) =>
      Reflect.getMetadata(
        PATTERN_METADATA,
        Object.getOwnPropertyDescriptor(Consumer.prototype, 'onEvent')!.value as object,
      ) as unknown;

    expect(patternOf(OrganisationConsumer!)).toEqual([Topics.organisation]);
    expect(patternOf(ActivitiesConsumer)).toEqual([ACTIVITIES_TOPIC]);
  });

  it('adds its figures, rolled up the tree by business date, and leaves the organisation figures untouched', async () => {
    await deliver(OrganisationConsumer!, Topics.organisation, organisation());
    const before = await organisationFigures();
    expect(before.summaries['m@null']).toMatchObject({ unions: 2, members: 1, femaleMembers: 1 });
    // Organisation's events do not reach the activities' tables.
    expect(await activitiesOf('m', null)).toEqual({ activities_held: 0, participants: 0 });

    await deliver(ActivitiesConsumer, ACTIVITIES_TOPIC, activities(), activitiesRegistry);

    expect(await organisationFigures()).toEqual(before);
    expect(await activitiesOf('m', '2021-02-28')).toEqual({ activities_held: 0, participants: 0 });
    expect(await activitiesOf('m', '2021-03-01')).toEqual({ activities_held: 1, participants: 30 });
    expect(await activitiesOf('d1', '2021-12-31')).toEqual({
      activities_held: 1,
      participants: 30,
    });
    expect(await activitiesOf('d2', '2021-12-31')).toEqual({
      activities_held: 1,
      participants: 12,
    });
    expect(await activitiesOf('m', '2022-01-10')).toEqual({ activities_held: 2, participants: 42 });
    expect(await activitiesOf('s1', null)).toEqual({ activities_held: 1, participants: 30 });
  });

  it('moves its figures with a subtree through the move hooks, dates before the move staying with the old parent', async () => {
    const hooks = figuresMoveWithSubtree([ACTIVITY_FIGURES]);
    // As the tree's subtree move will call them around its new paths (kit-directory's hooks).
    await inTransaction(async (tx) => {
      await hooks.beforePathsChange(tx, ['s1', 'a']);
      await apply(tx, OrganisationConsumer!, Topics.organisation, [
        federationUnitMoved('m/d1/s1', 'm/d2/s1', '2024-01-01'),
      ]);
      await hooks.afterPathsChange(tx, ['s1', 'a']);
    });

    expect(await activitiesOf('d1', '2023-12-31')).toEqual({
      activities_held: 1,
      participants: 30,
    });
    expect(await activitiesOf('d1', null)).toEqual({ activities_held: 0, participants: 0 });
    expect(await activitiesOf('d2', null)).toEqual({ activities_held: 2, participants: 42 });
    expect(await activitiesOf('m', null)).toEqual({ activities_held: 2, participants: 42 });
    // Organisation's own figures moved with the street by the tree itself.
    expect(await orgUnitSummary(db.pool, 'd2', null)).toMatchObject({ unions: 2, members: 1 });
  });

  it('answers as known at an instant with nothing of its own: its log is written with its tables', async () => {
    const late = activityEvent('ActivityHeld', 'x4', 'a', '2021-05-01', 7);
    await deliver(
      ActivitiesConsumer,
      ACTIVITIES_TOPIC,
      [{ ...late, recordedAt: '2026-02-01T08:00:00.000+08:00' }],
      activitiesRegistry,
    );
    const knownAt = (instant: string | null) =>
      figuresAsOf(
        db.pool,
        ACTIVITY_FIGURES,
        'm',
        '2021-12-31',
        ACTIVITY_FIGURES.figures,
        'subtree',
        instant,
      );

    expect(await knownAt('2026-01-31T23:59:59.999Z')).toEqual({
      activities_held: 2,
      participants: 42,
    });
    expect(await knownAt('2026-02-01T00:00:00.000Z')).toEqual({
      activities_held: 3,
      participants: 49,
    });
    expect(await knownAt(null)).toEqual({ activities_held: 3, participants: 49 });
  });
});
