import type { PoolClient } from 'pg';

import type { EventEnvelope, OrganisationEvent } from '@taizhang/contracts';

const INSERT_EMPLOYER = `
  INSERT INTO employer_facts (employer_id, street_id, org_path, kind, registered_on, headcount,
    female_headcount, migrant_headcount, new_form_headcount, headcounts_as_of, name, credit_code)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $5, $10, $11)
  ON CONFLICT (employer_id) DO NOTHING`;

// Figures only move forward in time; the organisation decider already refuses older ones.
const UPDATE_HEADCOUNTS = `
  UPDATE employer_facts
  SET headcount = $3, female_headcount = $4, migrant_headcount = $5, new_form_headcount = $6,
      headcounts_as_of = $2
  WHERE employer_id = $1 AND headcounts_as_of <= $2`;

// A correction changes the latest figures only when it is about their date.
const CORRECT_HEADCOUNTS = `
  UPDATE employer_facts
  SET headcount = $3, female_headcount = $4, migrant_headcount = $5, new_form_headcount = $6
  WHERE employer_id = $1 AND headcounts_as_of = $2`;

const CLOSE_EMPLOYER = `UPDATE employer_facts SET closed_on = $2 WHERE employer_id = $1`;

/**
 * Applies the employer registry's events (单位台账) to `employer_facts`, inside the consumer's
 * transaction (which also records the event as processed, so a redelivery changes nothing).
 * An employer's events share its partition (keyed by its id), so they arrive in order.
 */
export const projectEmployerFacts = async (event: EventEnvelope, tx: PoolClient): Promise<void> => {
  const { type, data } = event as EventEnvelope & OrganisationEvent;
  switch (type) {
    case 'EmployerRegistered':
      await tx.query(INSERT_EMPLOYER, [
        data.employerId,
        data.streetId,
        data.orgPath,
        data.kind,
        data.registeredOn,
        data.headcount,
        data.femaleHeadcount,
        data.migrantHeadcount,
        data.newFormHeadcount,
        data.name,
        data.creditCode,
      ]);
      break;
    case 'EmployerHeadcountsUpdated':
    case 'EmployerHeadcountsCorrected':
      await tx.query(
        type === 'EmployerHeadcountsUpdated' ? UPDATE_HEADCOUNTS : CORRECT_HEADCOUNTS,
        [
          data.employerId,
          data.asOf,
          data.headcount,
          data.femaleHeadcount,
          data.migrantHeadcount,
          data.newFormHeadcount,
        ],
      );
      break;
    case 'EmployerClosed':
      await tx.query(CLOSE_EMPLOYER, [data.employerId, data.closedOn]);
      break;
  }
};
