import type { OrganisationEvent } from '@taizhang/contracts';
import type { LocalProjection } from '@taizhang/event-store';

const UPSERT_TERM = `
  INSERT INTO union_terms (union_id, term_ends_on, expired, active) VALUES ($1, $2, false, true)
  ON CONFLICT (union_id) DO UPDATE SET term_ends_on = EXCLUDED.term_ends_on, expired = false`;
const MARK_EXPIRED = 'UPDATE union_terms SET expired = true WHERE union_id = $1';
const MARK_DISSOLVED = 'UPDATE union_terms SET active = false WHERE union_id = $1';

/** The committee term of every union, for the term clock to find the ones that ran out. */
export const unionTermsProjection: LocalProjection = {
  name: 'union-terms',
  types: new Set([
    'UnionRegistered',
    'UnionEstablished',
    'CommitteeElectionApproved',
    'UnionTermExpired',
    'UnionDissolved',
    'UnionMerged',
  ]),
  apply: async (event, tx) => {
    const { type, data } = event as unknown as OrganisationEvent;
    switch (type) {
      case 'UnionRegistered':
        // Registered as it was: its term is unknown until its next approved election.
        await tx.query(UPSERT_TERM, [data.unionId, null]);
        break;
      case 'UnionEstablished':
      case 'CommitteeElectionApproved':
        await tx.query(UPSERT_TERM, [data.unionId, data.termEndsOn]);
        break;
      case 'UnionTermExpired':
        await tx.query(MARK_EXPIRED, [data.unionId]);
        break;
      case 'UnionDissolved':
      case 'UnionMerged':
        await tx.query(MARK_DISSOLVED, [data.unionId]);
        break;
      default:
        break;
    }
  },
};
