/** What names one cached answer: the route and every query part that changes it. */
export interface AnswerOf {
  /** The route, e.g. `summary`, `children`, `series`. */
  route: string;
  orgUnitId: string;
  /** The query's parts as the route normalised them (null when absent). */
  parts: Record<string, string | null>;
}

/**
 * The Redis key of an answer under a generation. Answers depend on no caller (each is one unit's,
 * and the scope check runs before the cache is read), so no caller part is in the key; "now"
 * depends on today (terms expired by yesterday, this year's congresses, this month's point), so
 * `today` is. Parts are JSON-encoded: an instant's colons never run into the next part.
 */
export const answerKey = (
  prefix: string,
  generation: string,
  today: string,
  { route, orgUnitId, parts }: AnswerOf,
): string =>
  `${prefix}answer:${generation}:${JSON.stringify([
    route,
    orgUnitId,
    today,
    ...Object.keys(parts)
      .sort()
      .map((name) => [name, parts[name] ?? null]),
  ])}`;
