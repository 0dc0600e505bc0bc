import type { Producer } from 'kafkajs';

import type { EventEnvelope } from '@taizhang/contracts';
import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer, toEventMessage } from '@taizhang/messaging';
import type { RunningServices } from '@taizhang/testing';
import {
  createTestEventKeys,
  eventually,
  memberJoinedData,
  readTopicMessages,
  startServices,
} from '@taizhang/testing';

import { organisationEnvelope } from '../../organisation-envelope';

const city = organisationEnvelope('OrgUnitCreated', 'fc', {
  orgUnitId: 'fc',
  code: '2101',
  name: '市总工会',
  kind: 'municipal',
  parentId: null,
  orgPath: 'fc',
});
const union = organisationEnvelope('UnionRegistered', 'fc/fu', {
  unionId: 'fu',
  name: '机床厂工会',
  parentId: 'fc',
  establishedOn: '2000-01-01',
  orgPath: 'fc/fu',
});
const joined = (memberId: string): EventEnvelope =>
  organisationEnvelope('MemberJoined', 'fc/fu', memberJoinedData({ memberId, unionId: 'fu' }), {
    streamId: `member-${memberId}`,
    streamType: 'member',
  });

describe('reporting and events organisation did not sign', () => {
  let running: RunningServices;
  let producer: Producer;

  beforeAll(async () => {
    running = await startServices(['reporting'], [Topics.organisation]);
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('counts only what organisation signed; forgeries land on the .dlq with the reason', async () => {
    const topic = running.topics.names[Topics.organisation]!;
    const organisation = running.eventKeys['organisation']!;
    const rogueCity = organisationEnvelope('OrgUnitCreated', 'rogue', {
      orgUnitId: 'rogue',
      code: '9999',
      name: '伪造的总工会',
      kind: 'municipal',
      parentId: null,
      orgPath: 'rogue',
    });
    const altered = organisation.message(joined('m-altered'));
    altered.value = String(altered.value).replace('"gender":"female"', '"gender":"male"');
    await producer.send({
      topic,
      messages: [
        organisation.message(city),
        organisation.message(union),
        toEventMessage(rogueCity),
        toEventMessage(joined('m-unsigned')),
        createTestEventKeys('organisation').message(joined('m-other-key')),
        altered,
        organisation.message(joined('m-genuine')),
      ],
    });

    const letters = await readTopicMessages(running.topics.kafka, `${topic}.dlq`, 4);
    const auditor = running.as({ role: 'auditor', orgPath: 'fc' });
    const summary = await eventually(
      () => auditor.get(`${running.urls['reporting']!}/reports/org-units/fc/summary`),
      (answer) => answer.status === 200 && answer.body['members'] === 1,
      30_000,
    );

    expect(summary.body).toMatchObject({ unions: 1, members: 1, femaleMembers: 1 });
    expect(
      (
        await running
          .as({ role: 'auditor', orgPath: 'rogue' })
          .get(`${running.urls['reporting']!}/reports/org-units/rogue/summary`)
      ).status,
    ).toBe(404);
    expect(
      letters
        .map((letter) => {
          const event = JSON.parse(letter.value!) as EventEnvelope<{ memberId?: string }>;

          return `${event.data.memberId ?? event.orgUnitId}: ${letter.headers['dlq-error-code']}`;
        })
        .sort(),
    ).toEqual([
      'm-altered: INVALID_SIGNATURE',
      'm-other-key: INVALID_SIGNATURE',
      'm-unsigned: INVALID_SIGNATURE',
      'rogue: INVALID_SIGNATURE',
    ]);
    expect(new Set(letters.map((letter) => letter.headers['dlq-reason']))).toEqual(
      new Set([
        `The message is not signed (no event-signature header): only organisation's outbox relay publishes on ${topic}.`,
        "The signature does not match organisation's public key: the message was altered or signed with another key.",
      ]),
    );
  });
});
