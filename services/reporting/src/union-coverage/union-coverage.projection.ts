import type { PoolClient } from 'pg';

import type { EventEnvelope, OrganisationEvent } from '@taizhang/contracts';

const COVER = `
  INSERT INTO union_coverage (employer_id, union_id)
  SELECT unnest($2::text[]), $1
  ON CONFLICT DO NOTHING`;
const UNCOVER = 'DELETE FROM union_coverage WHERE union_id = $1';

/**
 * Records the employers a union covers from its founding congress, and drops them when the union
 * is dissolved. Coverage is joined with the employer registry only when figures are read, so the
 * order in which union and employer events arrive does not matter.
 */
export const projectUnionCoverage = async (event: EventEnvelope, tx: PoolClient): Promise<void> => {
  const { type, data } = event as EventEnvelope & OrganisationEvent;
  if (type === 'UnionEstablished') await tx.query(COVER, [data.unionId, data.employerIds]);
  if (type === 'UnionDissolved') await tx.query(UNCOVER, [data.unionId]);
};
