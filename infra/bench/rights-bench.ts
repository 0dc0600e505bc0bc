// `npm run bench:rights`: the rights section of `npm run bench` alone (dispute registrations
// under wrk against rights' GET /health/live), written into docs/benchmarks.md in place of the last.
import { benchRightsWrk, rightsWrkSection } from './rights-wrk';
import { writeRightsSection } from './wrk-section';

const main = async (): Promise<void> => {
  const section = rightsWrkSection(
    await benchRightsWrk(Number(process.env['WRK_ROUNDS'] ?? 2)),
    'npm run bench:rights',
  );
  writeRightsSection(section);
  console.log(`\n${section}`);
};

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
