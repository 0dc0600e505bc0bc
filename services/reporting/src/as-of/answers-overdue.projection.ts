import type { PoolClient } from 'pg';

import type { EventEnvelope, OrganisationEvent } from '@taizhang/contracts';

import { ANSWER_FIGURES } from './answer-figures';
import { addFigureDeltas } from './deltas.sql';

const OVERDUE = `
  INSERT INTO overdue_answers (union_id, subject, waiting_since, owed_by, due_on)
  VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`;

// What is answered (or can no longer be) ends its overdue stretch, from the day it did.
const ANSWERED = `
  UPDATE overdue_answers SET answered_on = greatest($3::date, due_on)
  WHERE union_id = $1 AND subject = ANY($2::text[]) AND answered_on IS NULL
  RETURNING owed_by, to_char(answered_on, 'YYYY-MM-DD') AS answered_on`;

/** The answers an event gives (or makes moot), and their day. */
const answerOf = (
  event: OrganisationEvent,
): { unionId: string; subjects: string[]; on: string } | null => {
  switch (event.type) {
    case 'UnionApplicationApproved':
      return { unionId: event.data.unionId, subjects: ['application'], on: event.data.approvedOn };
    case 'UnionApplicationRejected':
      return { unionId: event.data.unionId, subjects: ['application'], on: event.data.rejectedOn };
    case 'CommitteeElectionApproved':
      return { unionId: event.data.unionId, subjects: ['election'], on: event.data.approvedOn };
    case 'ElectionRejected':
      return { unionId: event.data.unionId, subjects: ['election'], on: event.data.rejectedOn };
    case 'UnionDissolved':
      return { unionId: event.data.unionId, subjects: ['election'], on: event.data.dissolvedOn };
    case 'UnionMerged':
      return { unionId: event.data.unionId, subjects: ['election'], on: event.data.mergedOn };
    default:
      return null;
  }
};

/**
 * `answersOverdue` (逾期未批复) by the federation that owes the answer: the unit above the union
 * (the next-to-last of the event's path) counts it from the day the limit ran out
 * (`ApprovalOverdue`) until the day of the answer, in the consumer's transaction.
 */
export const projectAnswersOverdue = async (
  envelope: EventEnvelope,
  tx: PoolClient,
): Promise<void> => {
  const event = envelope as EventEnvelope & OrganisationEvent;
  if (event.type === 'ApprovalOverdue') {
    const { unionId, subject, waitingSince, dueOn } = event.data;
    const owedBy = envelope.orgPath.split('/').at(-2);
    if (!owedBy) return;
    const { rowCount } = await tx.query(OVERDUE, [unionId, subject, waitingSince, owedBy, dueOn]);
    if (rowCount)
      await addFigureDeltas(tx, ANSWER_FIGURES, [
        { unitId: owedBy, day: dueOn, figures: { answers_overdue: 1 } },
      ]);

    return;
  }
  const answer = answerOf(event);
  if (!answer) return;
  const { rows } = await tx.query<{ owed_by: string; answered_on: string }>(ANSWERED, [
    answer.unionId,
    answer.subjects,
    answer.on,
  ]);
  await addFigureDeltas(
    tx,
    ANSWER_FIGURES,
    rows.map((row) => ({
      unitId: row.owed_by,
      day: row.answered_on,
      figures: { answers_overdue: -1 },
    })),
  );
};
