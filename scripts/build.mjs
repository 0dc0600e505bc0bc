#!/usr/bin/env node
// Compiles the services and every library they use into dist/ (git-ignored), once, and again only
// when a source changed: `node scripts/build.mjs [--force | --check] [--quiet] [--root <dir>]`
// (--check: exit 1 if dist/ is stale, build nothing). npm start, the Dockerfile and the e2e
// tests then run `node dist/services/<name>/src/main.js`, with nothing compiled at start-up.
//
// What is built: every file under libs/*/src and services/*/src except the specs — TypeScript
// compiled by swc with the options of .swcrc (decorator metadata for Nest's constructor
// injection, as Jest compiles), anything else (a JSON table, say) copied as it is. The
// @taizhang/* imports are rewritten to relative paths from the `paths` of tsconfig.base.json, so a
// new lib under libs/ with its alias there is picked up with nothing to edit here. Source maps go
// beside the files (.js.map) and are not loaded: NODE_OPTIONS=--enable-source-maps when wanted.
//
// The dashboard (services/dashboard, a React app, not a Node service) is built by Vite into
// dist/services/dashboard, where the gateway serves it at /; its files are in the fingerprint too.
//
// Stale or not: a fingerprint of the inputs (path, size and mtime of every source file, the
// tsconfig files, .swcrc, package-lock.json and this script) kept in dist/.fingerprint; a file
// added, changed, renamed or deleted changes it. A build writes a folder of its own and swaps it in
// whole, so two builds at once, or a service starting meanwhile, never see half an output.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = 'dist';
const FINGERPRINT_FILE = '.fingerprint';
const SOURCE_PARENTS = ['libs', 'services'];
const SETTINGS = [
  'tsconfig.base.json',
  'tsconfig.json',
  '.swcrc',
  'package-lock.json',
  'scripts/build.mjs',
];
const SPEC = /\.(spec|int-spec|e2e-spec)\.ts$/;
const DASHBOARD = path.join('services', 'dashboard');
const DASHBOARD_SETTINGS = ['index.html', 'vite.config.ts', 'tsconfig.json'].map((file) =>
  path.join(DASHBOARD, file),
);

/** Where `npm start` and the tests find a service's built entry point. */
export const builtMain = (service, root = REPO_ROOT) =>
  path.join(root, DIST, 'services', service, 'src', 'main.js');

const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(file);

    return entry.isFile() ? [file] : [];
  });

/** The dashboard's own files, relative to the root (its sources, public files and settings). */
export const dashboardFiles = (root = REPO_ROOT) =>
  ['src', 'public']
    .map((dir) => path.join(root, DASHBOARD, dir))
    .filter((dir) => fs.existsSync(dir))
    .flatMap(walk)
    .map((file) => path.relative(root, file))
    .concat(DASHBOARD_SETTINGS.filter((file) => fs.existsSync(path.join(root, file))))
    .sort();

/** The files swc builds into dist/, relative to the root: libs/<lib>/src/** and services/<name>/src/**. */
export const sourceFiles = (root = REPO_ROOT) =>
  SOURCE_PARENTS.flatMap((parent) => {
    const dir = path.join(root, parent);

    return fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => path.join(dir, entry.name, 'src'))
          .filter((src) => fs.existsSync(src))
          .flatMap(walk)
      : [];
  })
    .map((file) => path.relative(root, file))
    .filter((file) => !SPEC.test(file) && !file.startsWith(`${DASHBOARD}${path.sep}`))
    .sort();

/** What the output depends on, as one hash: each input's path, size and modification time. */
export const fingerprint = (root = REPO_ROOT) => {
  const hash = createHash('sha256');
  for (const file of [...sourceFiles(root), ...dashboardFiles(root), ...SETTINGS]) {
    const stat = fs.statSync(path.join(root, file), { throwIfNoEntry: false });
    hash.update(`${file}\t${stat ? `${stat.size}\t${stat.mtimeMs}` : 'absent'}\n`);
  }

  return hash.digest('hex');
};

/** Whether dist/ was built from the sources as they are now. */
export const isStale = (root = REPO_ROOT) => {
  const kept = path.join(root, DIST, FINGERPRINT_FILE);

  return !fs.existsSync(kept) || fs.readFileSync(kept, 'utf8').trim() !== fingerprint(root);
};

/** swc's options: .swcrc's, plus the path aliases of tsconfig.base.json rewritten to relative paths. */
const swcOptions = (root) => {
  const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
  const { compilerOptions } = JSON.parse(
    fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'),
  );
  delete swcrc.$schema;

  return {
    ...swcrc,
    swcrc: false,
    sourceMaps: true,
    jsc: {
      ...swcrc.jsc,
      baseUrl: path.resolve(root, compilerOptions.baseUrl ?? '.'),
      paths: compilerOptions.paths ?? {},
    },
  };
};

// Renames that meet another build's swap in the middle are tried again.
const swapIn = (built, target) => {
  for (let attempt = 0; ; attempt += 1) {
    const old = `${target}.old-${process.pid}-${attempt}`;
    try {
      fs.renameSync(target, old);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    try {
      fs.renameSync(built, target);
      fs.rmSync(old, { recursive: true, force: true });

      return;
    } catch (error) {
      fs.rmSync(old, { recursive: true, force: true });
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code) || attempt === 20) throw error;
    }
  }
};

/** Builds the dashboard with Vite into `outDir`; resolves to the size of its first view. */
const buildDashboard = async (root, outDir) => {
  const configFile = path.join(root, DASHBOARD, 'vite.config.ts');
  if (!fs.existsSync(configFile)) return undefined;
  const require = createRequire(path.join(root, 'package.json'));
  const vite = await import(pathToFileURL(require.resolve('vite')).href);
  // Vite sets NODE_ENV=production in the process that builds: npm start and npm test go on to
  // start services, the seed and the test runners, which must not inherit it.
  const nodeEnv = process.env.NODE_ENV;
  // React's production build, whatever NODE_ENV the caller runs with.
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({
      configFile,
      root: path.join(root, DASHBOARD),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }

  return outDir;
};

/** Builds dist/ from scratch; resolves to the number of files written. */
export const build = async (root = REPO_ROOT) => {
  const require = createRequire(path.join(root, 'package.json'));
  const swc = require('@swc/core');
  // Taken before reading the sources: an edit made during the build leaves it stale.
  const stamp = fingerprint(root);
  const options = swcOptions(root);
  const out = path.join(root, `.${DIST}-build-${process.pid}`);
  fs.rmSync(out, { recursive: true, force: true });
  const files = sourceFiles(root);
  try {
    await Promise.all(
      files.map(async (file) => {
        const source = path.join(root, file);
        const target = path.join(out, file.replace(/\.ts$/, '.js'));
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        if (!file.endsWith('.ts') || file.endsWith('.d.ts')) {
          await fs.promises.copyFile(source, path.join(out, file));

          return;
        }
        const { code, map } = await swc.transformFile(source, {
          ...options,
          filename: source,
          outputPath: target,
          sourceFileName: path.relative(path.dirname(target), source),
        });
        await fs.promises.writeFile(
          target,
          `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`,
        );
        await fs.promises.writeFile(`${target}.map`, map);
      }),
    );
    await buildDashboard(root, path.join(out, DASHBOARD));
    fs.writeFileSync(path.join(out, FINGERPRINT_FILE), `${stamp}\n`);
    swapIn(out, path.join(root, DIST));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }

  return files.length;
};

/** Builds unless dist/ is up to date; says which in one line (or nothing when `quiet` and fresh). */
export const ensureBuilt = async ({ root = REPO_ROOT, force = false, quiet = false } = {}) => {
  if (!force && !isStale(root)) {
    if (!quiet) console.log(`build: ${DIST}/ is up to date`);

    return false;
  }
  const started = Date.now();
  const count = await build(root);
  console.log(
    `build: compiled ${count} files of libs/ and services/ into ${DIST}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  return true;
};

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? path.resolve(args[rootAt + 1]) : REPO_ROOT;
  if (args.includes('--check')) {
    const stale = isStale(root);
    console.log(`build: ${DIST}/ is ${stale ? 'stale' : 'up to date'}`);
    process.exitCode = stale ? 1 : 0;
  } else {
    await ensureBuilt({ root, force: args.includes('--force'), quiet: args.includes('--quiet') });
  }
}
