import type { PoolClient } from 'pg';

import type { EventEnvelope, OrganisationEvent } from '@taizhang/contracts';
import { projectOrgTree } from '@taizhang/directory';

import { recomputeEmployers, recomputeEmployersOfUnion } from './employer-timeline.projection';
import { memberStepOf } from './member-step';
import { projectMemberTimeline, timelineStep } from './member-timeline.projection';
import { FIGURES_FOLLOW_THE_TREE } from './org-history.projection';
import { endUnion, expireTerm, foundUnion, renewTerm } from './union-life.projection';

const HEADCOUNTS = `
  INSERT INTO employer_headcounts (employer_id, as_of, headcount, female_headcount,
    migrant_headcount, new_form_headcount)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (employer_id, as_of) DO UPDATE
  SET headcount = EXCLUDED.headcount, female_headcount = EXCLUDED.female_headcount,
      migrant_headcount = EXCLUDED.migrant_headcount, new_form_headcount = EXCLUDED.new_form_headcount`;

// Coverage passes to the receiving union from the merger's date (its employers are the merged
// union's, whichever union those came from).
const MERGE = `
  INSERT INTO union_merges (union_id, into_union_id, merged_on) VALUES ($1, $2, $3)
  ON CONFLICT (union_id) DO NOTHING`;

/**
 * Keeps the figures as of any date (the org tree in time, members' timelines, unions' lives,
 * employers' headcounts by date), inside the consumer's transaction.
 */
export const projectAsOfFigures = async (event: EventEnvelope, tx: PoolClient): Promise<void> => {
  const step = memberStepOf(event);
  if (step) return projectMemberTimeline([timelineStep(event, step)], tx);
  await projectOrgTree(tx, event, FIGURES_FOLLOW_THE_TREE);
  const { type, data } = event as EventEnvelope & OrganisationEvent;
  switch (type) {
    case 'UnionRegistered':
    case 'UnionEstablished':
      await foundUnion(tx, data.unionId, data.establishedOn);

      return recomputeEmployersOfUnion(tx, data.unionId);
    case 'UnionDissolved':
      await endUnion(tx, data.unionId, data.dissolvedOn);

      return recomputeEmployersOfUnion(tx, data.unionId);
    case 'UnionMerged':
      await tx.query(MERGE, [data.unionId, data.intoUnionId, data.mergedOn]);
      await endUnion(tx, data.unionId, data.mergedOn);

      return recomputeEmployersOfUnion(tx, data.unionId);
    case 'UnionTermExpired':
      return expireTerm(tx, data.unionId, data.termEndedOn);
    case 'CommitteeElectionApproved':
      return renewTerm(tx, data.unionId, data.approvedOn);
    case 'EmployerRegistered':
    case 'EmployerHeadcountsUpdated':
    // A correction replaces the figures of its date (the corrected ones stay in organisation's history).
    case 'EmployerHeadcountsCorrected':
      await tx.query(HEADCOUNTS, [
        data.employerId,
        type === 'EmployerRegistered' ? data.registeredOn : data.asOf,
        data.headcount,
        data.femaleHeadcount,
        data.migrantHeadcount,
        data.newFormHeadcount,
      ]);

      return recomputeEmployers(tx, [data.employerId]);
    case 'EmployerClosed':
      return recomputeEmployers(tx, [data.employerId]);
    default:
      return;
  }
};
