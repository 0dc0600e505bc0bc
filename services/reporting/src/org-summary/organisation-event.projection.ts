import type { PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';

import { projectAsOfFigures } from '../as-of/as-of.projection';
import { projectEmployerFacts } from '../employer-facts/employer-facts.projection';
import { projectUnionCoverage } from '../union-coverage/union-coverage.projection';
import { projectOrgUnitFacts } from './org-unit-facts.projection';

/**
 * Applies one `organisation` event to every read model of reporting, one after the other on the
 * one transaction: a failure leaves none of them changed.
 */
export const projectOrganisationEvent = async (
  event: EventEnvelope,
  tx: PoolClient,
): Promise<void> => {
  await projectOrgUnitFacts(event, tx);
  await projectEmployerFacts(event, tx);
  await projectUnionCoverage(event, tx);
  await projectAsOfFigures(event, tx);
};
