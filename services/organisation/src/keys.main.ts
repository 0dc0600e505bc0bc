import path from 'node:path';

import { SingleBar } from 'cli-progress';
import { Pool } from 'pg';

import { rotateMasterKey } from './members/personal-data/master-key-rotation';

const USAGE = `Usage: npm run keys -- rotate
  rotate   re-wraps every person's data key under a new master key, added to the ring file
           (PERSONAL_DATA_MASTER_KEYS_FILE, else <TAIZHANG_DATA_DIR or .data>/keys/personal-data/master-keys)
           in organisation's database (ORGANISATION_DATABASE_URL, else DATABASE_URL, else the local
           taizhang_organisation). A run that stopped part-way is taken up by the next one.`;

const ringFile = (env: NodeJS.ProcessEnv): string =>
  env['PERSONAL_DATA_MASTER_KEYS_FILE'] ??
  path.resolve(env['TAIZHANG_DATA_DIR'] || '.data', 'keys/personal-data/master-keys');

const databaseUrl = (env: NodeJS.ProcessEnv): string =>
  env['ORGANISATION_DATABASE_URL'] ??
  env['DATABASE_URL'] ??
  'postgres://postgres@127.0.0.1:5432/taizhang_organisation';

const main = async (argv: string[], env: NodeJS.ProcessEnv): Promise<number> => {
  if (argv[0] !== 'rotate') {
    console.error(USAGE);

    return 2;
  }
  if (env['PERSONAL_DATA_MASTER_KEYS'] && !env['PERSONAL_DATA_MASTER_KEYS_FILE']) {
    console.error(
      'PERSONAL_DATA_MASTER_KEYS is given as a value: rotate works on a ring file (PERSONAL_DATA_MASTER_KEYS_FILE); put the ring in a file and name it there.',
    );

    return 2;
  }
  const file = ringFile(env);
  const pool = new Pool({ connectionString: databaseUrl(env), max: 2 });
  const bar = new SingleBar({
    format:
      'rotate |{bar}| {percentage}% {value}/{total} persons’ keys, {rate}/s, {eta_formatted} left',
    hideCursor: true,
  });
  const began = Date.now();
  let barStarted = false;
  try {
    const result = await rotateMasterKey({
      pool,
      ringFile: file,
      onProgress: ({ done, total }) => {
        const rate = Math.round(done / Math.max((Date.now() - began) / 1000, 0.001));
        if (!barStarted) bar.start(total, done, { rate });
        barStarted = true;
        bar.setTotal(total);
        bar.update(done, { rate });
      },
    });
    bar.stop();
    const seconds = (Date.now() - began) / 1000;
    console.log(
      `${result.started ? 'Added' : 'Went on with'} the master key ${result.current} (${file}); re-wrapped ${result.rewrapped} persons’ keys in ${seconds.toFixed(1)} s (${Math.round(result.rewrapped / Math.max(seconds, 0.001))}/s).`,
    );
    console.log(
      result.forgotten.length > 0
        ? `Nothing uses ${result.forgotten.join(', ')} any more: taken out of the ring.`
        : 'Every person’s key is wrapped under the current master key.',
    );

    return 0;
  } finally {
    bar.stop();
    await pool.end();
  }
};

main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `\nThe rotation stopped: ${error instanceof Error ? error.message : String(error)}. Every batch before it is committed; run npm run keys -- rotate again to go on.`,
    );
    process.exit(1);
  },
);
