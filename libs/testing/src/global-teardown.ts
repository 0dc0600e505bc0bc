// Jest globalTeardown: stops the containers global-setup.ts started, if any. The local services
// and the project's broker stay up for the next run.
import { CONTAINERS } from './global-setup';

import type { StartedTestContainer } from 'testcontainers';

export default async (): Promise<void> => {
  const holder = globalThis as { [CONTAINERS]?: Pick<StartedTestContainer, 'stop'>[] };
  await Promise.all((holder[CONTAINERS] ?? []).map((container) => container.stop()));
  holder[CONTAINERS] = [];
};
