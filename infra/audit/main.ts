import { serviceDatabases } from '../postgres/databases';
import { describeVerification, verifyStore } from './verify-stores';

const USAGE = `Usage: npm run audit -- verify
  verify   checks the hash chain of every service's event store;
           exit 0 when every store is intact, 1 naming the service and first broken position.`;

const main = async (argv: string[]): Promise<number> => {
  const [command] = argv;
  if (command !== 'verify') {
    console.error(USAGE);

    return 2;
  }
  let broken = false;
  for (const database of serviceDatabases()) {
    const result = await verifyStore(database);
    console.log(describeVerification(result));
    broken ||= result.outcome === 'verified' && !result.report.intact;
  }

  return broken ? 1 : 0;
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `The audit could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  },
);
