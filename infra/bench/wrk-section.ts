import fs from 'node:fs';
import path from 'node:path';

/**
 * docs/benchmarks.md: `npm run bench` writes §§ 1–7 and § 10 (rights), `npm run bench:wrk` § 8;
 * `npm run bench:rights` § 10 alone.
 */
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

const RIGHTS_HEADING = '## 10. Dispute registrations under wrk (rights)';

/** `text` without its rights section (§ 10, up to the next section or the end). */
export const withoutRightsSection = (text: string): string => {
  const at = text.indexOf(`\n${RIGHTS_HEADING}`);
  if (at < 0) return text;
  const next = text.indexOf('\n## ', at + 1);

  return `${text.slice(0, at).trimEnd()}\n${next < 0 ? '' : `\n${text.slice(next + 1)}`}`;
};

/** `text` with `body` as its rights section, at the end, in place of the last one. */
export const withRightsSection = (text: string, body: string): string =>
  `${withoutRightsSection(text).trimEnd()}\n\n${RIGHTS_HEADING}\n\n${body.trim()}\n`;

/** Puts `body` into the file as the rights section, everything else kept. */
export const writeRightsSection = (body: string): void =>
  fs.writeFileSync(BENCHMARKS_FILE, withRightsSection(existing(), body));
