import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { REPO_ROOT } from './services';

describe('scripts/run-ts.mjs', () => {
  it('runs TypeScript with the @taizhang/* aliases and Nest constructor injection', () => {
    const output = execFileSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'scripts/run-ts.mjs'),
        'infra/fixtures/nest-injection.fixture.ts',
        'ok',
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );

    expect(output.trim()).toBe('tick taizhang.organisation.v1 ok');
  }, 30_000);
});
