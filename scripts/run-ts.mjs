#!/usr/bin/env node
// Runs a TypeScript file with @swc-node/register: `node scripts/run-ts.mjs <file.ts> [args]`.
// The compiler options come from tsconfig.base.json, so the @taizhang/* path aliases and the
// decorator metadata Nest needs for constructor injection both work.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The environment a TypeScript process needs: node -r @swc-node/register with our tsconfig. */
export const tsEnv = (env = process.env) => ({
  ...env,
  SWC_NODE_PROJECT: env.SWC_NODE_PROJECT ?? path.join(REPO_ROOT, 'tsconfig.base.json'),
});

export const TS_NODE_ARGS = ['--enable-source-maps', '-r', '@swc-node/register'];

/** Loads a TypeScript module into this process (node_modules must exist). */
export const requireTs = (file) => {
  Object.assign(process.env, tsEnv());
  const require = createRequire(path.join(REPO_ROOT, 'package.json'));
  require('@swc-node/register');

  return require(path.resolve(REPO_ROOT, file));
};

/** Runs a TypeScript file as a child process and resolves to its exit code. */
export const runTs = (file, args = [], options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...TS_NODE_ARGS, path.resolve(REPO_ROOT, file), ...args],
      {
        cwd: REPO_ROOT,
        stdio: 'inherit',
        ...options,
        env: tsEnv(options.env ?? process.env),
      },
    );
    // Pass a stop request on, then end with the child's own exit code.
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, ...args] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/run-ts.mjs <file.ts> [args]');
    process.exit(2);
  }
  process.exitCode = await runTs(file, args);
}
