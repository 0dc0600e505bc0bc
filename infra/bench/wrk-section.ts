import fs from 'node:fs';
import path from 'node:path';

/** docs/benchmarks.md: `npm run bench` writes §§ 1–7, `npm run bench:wrk` the section below. */
export const BENCHMARKS_FILE = path.join(__dirname, '../../docs/benchmarks.md');
const WRK_HEADING = '## 8. The organisation service under wrk';

const existing = (): string =>
  fs.existsSync(BENCHMARKS_FILE) ? fs.readFileSync(BENCHMARKS_FILE, 'utf8') : '';

const withoutWrkSection = (text: string): string => {
  const at = text.indexOf(`\n${WRK_HEADING}`);

  return at < 0 ? text : text.slice(0, at + 1);
};

/** The wrk section now in the file ('' if none), which `npm run bench` keeps when it rewrites the rest. */
export const keptWrkSection = (): string => existing().slice(withoutWrkSection(existing()).length);

// What follows the wrk section, written by hand (§ 9, the dashboard in Chromium), is kept.
const FOLLOWING_HEADING = '\n## 9. ';

/** Puts `body` (without its heading) into the file as the wrk section, in place of the last one. */
export const writeWrkSection = (body: string): void => {
  const rest = withoutWrkSection(existing()).trimEnd();
  const section = keptWrkSection();
  const at = section.indexOf(FOLLOWING_HEADING);
  const following = at < 0 ? '' : `\n${section.slice(at).trim()}\n`;
  fs.writeFileSync(BENCHMARKS_FILE, `${rest}\n\n${WRK_HEADING}\n\n${body.trim()}\n${following}`);
};
