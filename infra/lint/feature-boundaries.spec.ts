import path from 'node:path';

import { Linter } from 'eslint';

// eslint.config.mjs loads the same CommonJS module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require('./feature-boundaries.cjs') as { rules: Record<string, unknown> };

const lint = (file: string, code: string): string[] => {
  const linter = new Linter({ configType: 'flat', cwd: '/repo' });

  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.js'],
          languageOptions: { sourceType: 'module' },
          plugins: { taizhang: plugin as never },
          rules: { 'taizhang/feature-boundaries': 'error' },
        },
      ],
      path.join('/repo', file),
    )
    .map((message) => message.message);
};

const MEMBERS = 'services/organisation/src/members/member-commands.service.js';

describe('the feature-boundaries lint rule', () => {
  it("refuses a file inside another feature and names the feature's face instead", () => {
    expect(lint(MEMBERS, "import { x } from '../unions/union-open.guard';")).toEqual([
      "'members' reaches into 'unions/union-open.guard': import it from 'unions' (its index.ts) and export it there if other features need it.",
    ]);
    expect(lint(MEMBERS, "export { x } from '../unions/decide/merger';")).toHaveLength(1);
  });

  it("allows another feature's index, the feature's own files and the shared folders", () => {
    for (const source of ['../unions', '../unions/index', './member.decider', '../shared/text'])
      expect(lint(MEMBERS, `import { x } from '${source}';`)).toEqual([]);
  });

  it('leaves the composition root, packages and other services alone', () => {
    const root = 'services/organisation/src/app.module.js';
    expect(lint(root, "import { x } from './unions/union.decider';")).toEqual([]);
    expect(lint(MEMBERS, "import { x } from '@taizhang/auth';")).toEqual([]);
  });
});
