/**
 * JSON with object keys sorted at every level, so that a value hashes the same before it is
 * stored and after PostgreSQL's jsonb has reordered its keys. Written out directly (no sorted
 * copy of the value): it runs for every appended event and every verified one.
 */
// Integer-like keys come first, in numeric order, as JavaScript orders them in any object (the
// first implementation rebuilt sorted objects, so its text has them so): the text must not change.
const isIndex = (key: string): boolean => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
const sortedKeys = (source: object): string[] => {
  const keys = Object.keys(source);
  const indexes = keys.filter(isIndex);

  return indexes.length === 0
    ? keys.sort()
    : [...indexes, ...keys.filter((key) => !isIndex(key)).sort()];
};

export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value))
    return `[${value.map((item: unknown) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const source = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of sortedKeys(source)) {
    const item = source[key];
    if (item !== undefined && typeof item !== 'function' && typeof item !== 'symbol')
      members.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
  }

  return `{${members.join(',')}}`;
};
