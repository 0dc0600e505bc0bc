import type { PoolClient } from 'pg';

import type { EventEnvelope, OrganisationEvent } from '@taizhang/contracts';

const COVER = `
  INSERT INTO union_coverage (employer_id, union_id)
  SELECT unnest($2::text[]), $1
  ON CONFLICT DO NOTHING`;

/**
 * Records the employers a union covers, from its founding congress or, for a union that existed
 * before the platform, its registration (存量工会登记); the union's life (`union_life`: founded,
 * dissolved or merged) says on which dates the coverage holds. Coverage is joined with the
 * employer registry only when figures are read, so the order in which union and employer events
 * arrive does not matter.
 */
export const projectUnionCoverage = async (event: EventEnvelope, tx: PoolClient): Promise<void> => {
  const { type, data } = event as EventEnvelope & OrganisationEvent;
  if (type === 'UnionEstablished') await tx.query(COVER, [data.unionId, data.employerIds]);
  if (type === 'UnionRegistered' && data.employerIds?.length)
    await tx.query(COVER, [data.unionId, data.employerIds]);
};
