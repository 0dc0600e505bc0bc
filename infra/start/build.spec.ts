import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { REPO_ROOT, services } from '../services';

// scripts/build.mjs on a workspace of its own: a lib the script has never heard of, known only by
// its alias in tsconfig.base.json, and a service that Nest wires from it by constructor type.
describe('scripts/build.mjs', () => {
  let root: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  const build = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts/build.mjs'), '--root', root, ...args],
      {
        encoding: 'utf8',
      },
    );
  const stale = () => build('--check').status === 1;
  const built = (file: string) => fs.existsSync(path.join(root, 'dist', file));
  /** Moves a file's modification time on, as an editor saving it a moment later would. */
  const touch = (file: string) => {
    const later = new Date(fs.statSync(path.join(root, file)).mtimeMs + 5_000);
    fs.utimesSync(path.join(root, file), later, later);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(tmpdir(), 'taizhang-build-'));
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    write('package.json', '{}\n');
    write('.swcrc', fs.readFileSync(path.join(REPO_ROOT, '.swcrc'), 'utf8'));
    write(
      'tsconfig.base.json',
      JSON.stringify({
        compilerOptions: {
          baseUrl: '.',
          paths: { '@taizhang/clock': ['libs/clock/src/index.ts'] },
        },
      }),
    );
    write('libs/clock/src/index.ts', "export * from './clock';\n");
    write(
      'libs/clock/src/clock.ts',
      `import { Injectable } from '@nestjs/common';

import words from './words.json';

@Injectable()
export class Clock {
  now(): string {
    return words.tick;
  }
}
`,
    );
    write('libs/clock/src/words.json', '{ "tick": "滴答" }\n');
    write('libs/clock/src/clock.spec.ts', "it('is not built', () => undefined);\n");
    write(
      'services/greeter/src/main.ts',
      `import 'reflect-metadata';

import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { Clock } from '@taizhang/clock';

@Injectable()
class Greeter {
  constructor(private readonly clock: Clock) {}
}

@Module({ providers: [Clock, Greeter] })
class GreeterModule {}

void NestFactory.createApplicationContext(GreeterModule, { logger: false }).then(async (app) => {
  console.log(app.get(Greeter)['clock'].now());
  await app.close();
});
`,
    );
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds libs and services into dist/ with the path aliases and the decorator metadata Nest needs', () => {
    expect(stale()).toBe(true);
    expect(build().stdout).toMatch(/^build: compiled 4 files of libs\/ and services\/ into dist\//);

    const run = spawnSync(
      process.execPath,
      [path.join(root, 'dist/services/greeter/src/main.js')],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('滴答');
    expect(built('libs/clock/src/clock.js.map')).toBe(true);
    expect(built('libs/clock/src/clock.spec.js')).toBe(false);
  }, 30_000);

  it('is stale when a source or a setting is changed, added or deleted, and fresh after a build', () => {
    build();
    expect(stale()).toBe(false);
    expect(build().stdout.trim()).toBe('build: dist/ is up to date');

    touch('libs/clock/src/clock.ts');
    expect(stale()).toBe(true);
    build();
    expect(stale()).toBe(false);

    // A new lib needs nothing but its alias.
    write('libs/calendar/src/index.ts', 'export const today = 1;\n');
    expect(stale()).toBe(true);
    build();
    expect(built('libs/calendar/src/index.js')).toBe(true);

    fs.rmSync(path.join(root, 'libs/calendar'), { recursive: true });
    expect(stale()).toBe(true);
    build();
    expect(built('libs/calendar/src/index.js')).toBe(false);

    touch('libs/clock/src/words.json');
    expect(stale()).toBe(true);
    build();

    touch('tsconfig.base.json');
    expect(stale()).toBe(true);
    build();

    touch('libs/clock/src/clock.spec.ts');
    expect(stale()).toBe(false);
  }, 60_000);

  it('builds the dashboard with Vite into dist/services/dashboard, rebuilt when its sources change', () => {
    write('services/dashboard/vite.config.ts', 'export default {};\n');
    write(
      'services/dashboard/index.html',
      '<!doctype html><div id="root"></div><script type="module" src="/src/main.ts"></script>\n',
    );
    write('services/dashboard/src/main.ts', "document.title = process.env.NODE_ENV ?? 'unset';\n");
    build();
    const page = fs.readFileSync(path.join(root, 'dist/services/dashboard/index.html'), 'utf8');
    const bundle = /src="\/(assets\/[\w.-]+\.js)"/.exec(page)?.[1];
    expect(bundle).toBeDefined();
    // A production bundle, and nothing of the app left for swc.
    expect(fs.readFileSync(path.join(root, 'dist/services/dashboard', bundle!), 'utf8')).toContain(
      '"production"',
    );
    expect(built('services/dashboard/src/main.js')).toBe(false);
    expect(stale()).toBe(false);
    touch('services/dashboard/src/main.ts');
    expect(stale()).toBe(true);
    touch('services/dashboard/index.html');
    build();
    expect(stale()).toBe(false);
  }, 120_000);

  it('builds an entry point for every service of this checkout, where npm start runs it', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build.mjs')], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(services().length).toBeGreaterThan(0);
    for (const service of services())
      expect(
        fs.existsSync(path.join(REPO_ROOT, 'dist/services', service.name, 'src/main.js')),
      ).toBe(true);
  }, 30_000);
});
