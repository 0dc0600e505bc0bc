/**
 * Every person whose stream has an event concerning the union (joined, transferred in, retained
 * or left there): a superset of its members, each then decided on their own stream.
 */
export const PEOPLE_RECORDED_IN_UNION = `
  SELECT DISTINCT stream_id FROM events
  WHERE org_unit_id = $1 AND stream_type = 'member'
  ORDER BY stream_id`;
