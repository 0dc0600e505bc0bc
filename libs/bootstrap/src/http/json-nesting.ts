/**
 * How deeply a JSON body may nest arrays and objects. Far beyond any command; deeper text
 * overflows the stack of whatever walks the parsed value recursively (JSON.stringify, validators).
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether JSON text (UTF-8 bytes) nests arrays or objects more than `limit` deep, read without
 * parsing it: brackets inside strings do not count. Multi-byte UTF-8 never holds these ASCII bytes.
 */
export const nestsDeeperThan = (bytes: Uint8Array, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPEN.has(byte)) {
      depth += 1;
      if (depth > limit) return true;
    } else if (CLOSE.has(byte)) depth -= 1;
  }

  return false;
};
