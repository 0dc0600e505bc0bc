// Jest globalTeardown: stops the containers global-setup.ts started, if any. The local services
// and the project's broker stay up for the next run.
import type { StartedTestContainer } from 'testcontainers';

import { CONTAINERS } from './global-setup';

export default async (): Promise<void> => {
  const holder = globalThis as { [CONTAINERS]?: Pick<StartedTestContainer, 'stop'>[] };
  await Promise.all((holder[CONTAINERS] ?? []).map((container) => container.stop()));
  holder[CONTAINERS] = [];
};
