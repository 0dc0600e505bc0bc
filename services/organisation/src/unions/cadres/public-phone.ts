import { normalisePhoneNumber } from '../../shared/phone-number';

/**
 * The contact phone a cadre shows (三亮): a mainland mobile (13800001111) or a landline with its
 * area code (024-23456789, 0415-2345678; an extension after `-` or `转`), in one written form.
 */
export const normalisePublicPhone = (raw: string): string | null => {
  const mobile = normalisePhoneNumber(raw);
  if (mobile) return mobile;
  const compact = raw
    .normalize('NFKC')
    .replace(/[\s()]/g, '')
    .replace(/^(?:\+86|0086)/, '0');
  // Area codes 010 and 02x have three digits (and eight-digit numbers), the others four.
  const landline = /^(0[12]\d|0[3-9]\d{2})-?([2-9]\d{6,7})(?:(?:-|转)(\d{1,6}))?$/.exec(compact);
  if (!landline) return null;
  const [, area, number, extension] = landline;

  return `${area}-${number}${extension ? `-${extension}` : ''}`;
};
