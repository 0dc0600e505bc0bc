/** Claims the employers not claimed yet, in the order given; answers those it claimed. */
export const CLAIM_EMPLOYERS = `
  INSERT INTO employer_coverage (employer_id, union_id)
  SELECT employer_id, $1 FROM unnest($2::text[]) WITH ORDINALITY AS e(employer_id, n) ORDER BY n
  ON CONFLICT (employer_id) DO NOTHING
  RETURNING employer_id`;

export const COVERING_UNIONS = `
  SELECT employer_id, union_id FROM employer_coverage WHERE employer_id = ANY($1::text[])`;

export const RELEASE_EMPLOYERS = 'DELETE FROM employer_coverage WHERE union_id = $1';

export const HAND_OVER_EMPLOYERS = 'UPDATE employer_coverage SET union_id = $2 WHERE union_id = $1';
