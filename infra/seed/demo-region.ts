import { DEMO_DISTRICTS, DEMO_MUNICIPALITY } from './demo-region.data';

/**
 * Seeds the demo region through the organisation service's API. Every request carries a fixed
 * Idempotency-Key, so running the seed again replays the first answers and records nothing new.
 */
const ORGANISATION = process.env['ORGANISATION_URL'] ?? 'http://127.0.0.1:3001';
const REPORTING = process.env['REPORTING_URL'] ?? 'http://127.0.0.1:3005';

interface CommandAnswer {
  id: string;
}

const post = async (
  path: string,
  key: string,
  body: unknown,
): Promise<{ id: string; replayed: boolean }> => {
  const response = await fetch(`${ORGANISATION}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `demo-seed:${key}` },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(
      `The demo seed failed at ${path} (${response.status}): ${await response.text()}`,
    );

  return {
    id: ((await response.json()) as CommandAnswer).id,
    replayed: response.headers.get('idempotent-replayed') === 'true',
  };
};

const waitForSummary = async (orgUnitId: string, members: number): Promise<unknown> => {
  const deadline = Date.now() + 30_000;
  let last: unknown = null;
  while (Date.now() < deadline) {
    const response = await fetch(`${REPORTING}/reports/org-units/${orgUnitId}/summary`);
    if (response.ok) {
      last = await response.json();
      if ((last as { members: number }).members >= members) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return last;
};

const seed = async (): Promise<void> => {
  const city = await post('/org-units', DEMO_MUNICIPALITY.key, {
    code: DEMO_MUNICIPALITY.code,
    name: DEMO_MUNICIPALITY.name,
    kind: 'municipal',
  });
  let members = 0;
  for (const district of DEMO_DISTRICTS) {
    const { id: districtId } = await post('/org-units', district.key, {
      code: district.code,
      name: district.name,
      kind: 'district',
      parentId: city.id,
    });
    for (const street of district.streets) {
      const { id: streetId } = await post('/org-units', street.key, {
        code: street.code,
        name: street.name,
        kind: 'street',
        parentId: districtId,
      });
      for (const union of street.unions) {
        const { id: unionId } = await post('/unions', union.key, {
          name: union.name,
          parentId: streetId,
          establishedOn: union.establishedOn,
        });
        for (const [index, { retained, ...member }] of union.members.entries()) {
          const { id: memberId } = await post(
            `/unions/${unionId}/members`,
            // v2: members with ID card numbers; a database seeded before keeps its first members.
            `${union.key}:member-v2:${index}`,
            member,
          );
          if (retained)
            await post(
              `/members/${memberId}/retain`,
              `${union.key}:member-v2:${index}:retain`,
              retained,
            );
          else members += 1;
        }
      }
    }
  }
  const summary = await waitForSummary(city.id, members);
  console.log(
    city.replayed
      ? `Demo region already seeded: ${DEMO_MUNICIPALITY.name} (${city.id}).`
      : `Demo region seeded: ${DEMO_MUNICIPALITY.name} (${city.id}).`,
  );
  console.log(`  ${REPORTING}/reports/org-units/${city.id}/summary → ${JSON.stringify(summary)}`);
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
