import type { PoolClient } from 'pg';

import type { OrganisationEvent } from '@taizhang/contracts';
import type { StoredEvent } from '@taizhang/event-store';
import { IllegalStateError } from '@taizhang/event-store';

import {
  CLAIM_EMPLOYERS,
  COVERING_UNIONS,
  HAND_OVER_EMPLOYERS,
  RELEASE_EMPLOYERS,
} from './employer-coverage.sql';

type Client = Pick<PoolClient, 'query'>;

// Claims in one order everywhere, so that two applications naming the same employers never
// wait for each other in a circle.
const claim = async (client: Client, unionId: string, employerIds: readonly string[]) => {
  const wanted = [...employerIds].sort();
  const claimed = await client.query<{ employer_id: string }>(CLAIM_EMPLOYERS, [unionId, wanted]);
  if (claimed.rowCount === wanted.length) return;
  const held = await client.query<{ employer_id: string; union_id: string }>(COVERING_UNIONS, [
    wanted,
  ]);
  const taken = held.rows.find((row) => row.union_id !== unionId);
  if (taken)
    throw new IllegalStateError(
      `The employer ${taken.employer_id} is already covered by a grassroots union, or named by an application waiting for a decision. / 该单位已由其他基层工会覆盖，或已有待审批的组建申请：${taken.employer_id}。`,
      'EMPLOYER_ALREADY_COVERED',
      { employerId: taken.employer_id },
      // The union or application that has it may lie outside the caller's scope.
      { unitId: taken.union_id, details: { unionId: taken.union_id } },
    );
};

/**
 * An employer is covered by at most one grassroots union at a time (DESIGN §9). Each employer's
 * claim is one row, written in the transaction that appends the union's events: an application
 * or a registration of an existing union (存量工会登记) claims its employers (a second claim of
 * one waits for the first transaction's row, then is refused), a rejection or dissolution
 * releases them, a merger hands them to the receiving union.
 * Rows of different employers never wait for each other: there is no lock spanning employers.
 */
export const keepEmployerCoverage = async (
  client: Client,
  appended: readonly StoredEvent[],
): Promise<void> => {
  for (const stored of appended) {
    const event = { type: stored.type, data: stored.data } as OrganisationEvent;
    switch (event.type) {
      case 'UnionApplicationSubmitted':
        await claim(client, event.data.unionId, event.data.employerIds);
        break;
      case 'UnionRegistered':
        if (event.data.employerIds) await claim(client, event.data.unionId, event.data.employerIds);
        break;
      case 'UnionApplicationRejected':
      case 'UnionDissolved':
        await client.query(RELEASE_EMPLOYERS, [event.data.unionId]);
        break;
      case 'UnionMerged':
        await client.query(HAND_OVER_EMPLOYERS, [event.data.unionId, event.data.intoUnionId]);
        break;
      default:
        break;
    }
  }
};
