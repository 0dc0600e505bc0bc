/**
 * A name as a list shows it to a caller who does not keep the member's records: the first and
 * the last character, a star for each one between (张*三, 欧**娜); a two-character name keeps its
 * first (王*). Characters, not UTF-16 units, so a rare character outside the BMP stays whole.
 */
export const maskName = (name: string): string => {
  const characters = [...name.trim()];
  if (characters.length <= 1) return '*';
  if (characters.length === 2) return `${characters[0]!}*`;

  return `${characters[0]!}${'*'.repeat(characters.length - 2)}${characters[characters.length - 1]!}`;
};
