import type { CallerClient } from './http-client';
import type { RunningServices } from './running-services';

/** {@link regionClient}: a JSON client that signs in as whoever the path calls for. */
export interface RegionClient extends CallerClient {
  /** The municipal federation's id (its path), once created through this client. */
  readonly city: string | undefined;
}

/**
 * For suites that build a region and then work in it: `POST /org-units` (the org tree) goes as
 * the admin, everything else as an officer of the municipal federation, the first unit created
 * through this client without a parent, i.e. a caller whose scope is the whole region.
 */
export const regionClient = (running: Pick<RunningServices, 'as'>): RegionClient => {
  let city: string | undefined;
  const admin = () => running.as({ role: 'admin' });
  const officer = () => {
    if (!city) throw new Error('Create the municipal federation through this client first.');

    return running.as({ role: 'federation_officer', orgPath: city });
  };

  return {
    get city() {
      return city;
    },
    post: async (url, body, headers) => {
      const { pathname } = new URL(url);
      // The org tree (federation units, and moving a union in it) is the admin's; the members a
      // federation unit holds are its officers' work.
      const isOrgTree =
        pathname === '/org-units' ||
        (pathname.startsWith('/org-units/') && !pathname.endsWith('/members')) ||
        /^\/unions\/[^/]+\/move$/.test(pathname);
      const answer = await (isOrgTree ? admin() : officer()).post(url, body, headers);
      const parentId = (body as { parentId?: unknown } | null)?.parentId;
      if (pathname === '/org-units' && !parentId && answer.status === 201 && !city)
        city = answer.body['id'] as string;

      return answer;
    },
    get: (url, headers) => officer().get(url, headers),
  };
};
