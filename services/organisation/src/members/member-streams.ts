/** One stream per person: its id is the blind index of the person's ID card number. */
export const memberStreamId = (memberId: string): string => `member-${memberId}`;

/** Every unmasked read of a member's personal data, kept apart so reads never race commands. */
export const memberDisclosuresStreamId = (memberId: string): string =>
  `member-disclosures-${memberId}`;
