/** A mainland mobile number (11 digits starting 13–19), without +86, spaces or hyphens. */
export const normalisePhoneNumber = (raw: string): string | null => {
  const digits = raw
    .normalize('NFKC')
    .replace(/[\s\-()]/g, '')
    .replace(/^(?:\+86|0086)/, '');

  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
};

/** 138****5678. */
export const maskPhoneNumber = (phone: string): string =>
  `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** 1985-**-**: the year only, since the full date is digits 7–14 of the ID card number. */
export const maskBirthDate = (date: string): string => `${date.slice(0, 4)}-**-**`;
