import type { RegionClient } from './region-client';
import { regionClient } from './region-client';
import type { RunningServices } from './running-services';
import { startServices } from './running-services';
import { startedForSuite } from './started-for-suite';

/** The org-tree kinds a suite builds its region of. */
export type OrgUnitKind = 'municipal' | 'district' | 'street' | 'community' | 'village';

/** {@link regionCalls}: the calls a suite makes through its region client, each checked. */
export interface RegionCalls {
  /** The service's URL of a path. */
  url: (path: string) => string;
  /** POSTs, expects 201 (the path and answer shown if not) and gives the new record's id. */
  created: (path: string, body: unknown) => Promise<string>;
  /** POSTs, expects 200 (the path and answer shown if not) and gives the answer's body. */
  ok: (path: string, body?: unknown) => Promise<Record<string, unknown>>;
  /** Creates a unit of the org tree (`POST /org-units`) under `parentId`, or the city without. */
  unit: (code: string, name: string, kind: OrgUnitKind, parentId?: string) => Promise<string>;
}

/**
 * For suites that build a region in a running service and then work in it:
 * `const { url, created, ok, unit } = regionCalls(region, () => running.urls['organisation']!)`.
 * The service's URL is read at each call, as suites start services in `beforeAll`.
 */
export const regionCalls = (region: RegionClient, serviceUrl: () => string): RegionCalls => {
  const url = (path: string) => `${serviceUrl()}${path}`;
  const expectStatus = async (status: number, path: string, body: unknown) => {
    const answer = await region.post(url(path), body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status });

    return answer.body;
  };
  const created = async (path: string, body: unknown) =>
    (await expectStatus(201, path, body))['id'] as string;

  return {
    url,
    created,
    ok: (path, body = {}) => expectStatus(200, path, body),
    unit: (code, name, kind, parentId) =>
      created('/org-units', { code, name, kind, ...(parentId ? { parentId } : {}) }),
  };
};

/** {@link regionSuite}: the running services, the region's client and its checked calls. */
export interface RegionSuite extends RegionCalls {
  running: RunningServices;
  region: RegionClient;
}

/**
 * A suite that builds a region in `services[0]` (started for the suite, with the others and the
 * topics) and works in it:
 * `const { running, url, created, unit } = regionSuite(['organisation'], [Topics.organisation])`.
 */
export const regionSuite = (
  services: readonly string[],
  topicNames: readonly string[],
): RegionSuite => {
  const running = startedForSuite(() => startServices(services, topicNames));
  const region = regionClient({ as: (caller) => running.as(caller) });

  return { running, region, ...regionCalls(region, () => running.urls[services[0]!]!) };
};
