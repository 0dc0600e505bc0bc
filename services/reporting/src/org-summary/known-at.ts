import { z } from 'zod';

// A '+' of an offset arrives as a space when the caller did not encode it (%2B).
const plusFromQuery = (value: unknown) =>
  typeof value === 'string' ? value.replace(/ (\d\d:\d\d)$/, '+$1') : value;

/** `knownAt`: an instant with its offset; what was recorded after it is left out (DESIGN §7). */
export const KnownAtSchema = z
  .preprocess(
    plusFromQuery,
    z.iso.datetime({
      offset: true,
      message: 'knownAt must be an instant as YYYY-MM-DDTHH:MM:SS with Z or an offset (+08:00)',
    }),
  )
  .describe(
    'the figures as they were known at this instant (events recorded after it left out, by their recordedAt): a report submitted then, reproduced; in the future it is now',
  );

/** The figures a late entry can change: every count (not the rates, not the registry's dates). */
export const LATE_CHANGE_FIGURES = [
  'unions',
  'employers',
  'workforce',
  'femaleWorkforce',
  'migrantWorkforce',
  'newFormWorkforce',
  'coveredEmployers',
  'workforceOfUnionisedEmployers',
  'members',
  'femaleMembers',
  'migrantMembers',
  'newFormMembers',
  'retainedMemberships',
  'termsExpired',
  'answersOverdue',
  // 维权 (rights' set): its counts, not its rate.
  'disputesReceived',
  'disputesAgreed',
  'disputesFailed',
  'disputesOverdue',
  'amountRecoveredFen',
  'unionsWithCongressThisYear',
  'contractsInForce',
  'workforceCoveredByContracts',
  'inspections',
  'womenSpecialInspections',
  'hazardsFound',
  'hazardsRectified',
  'hazardsOverdue',
  // 12351 热线 (hotline set): its counts, not its rate or mean.
  'hotlineTickets',
  'hotlineLegalAid',
  'hotlineClosed',
  'hotlineOverdue',
  'hotlineWagesRecoveredFen',
  'unionsWithDisclosure',
  'earlyWarningsOpen',
  'earlyWarningsOpenBlue',
  'earlyWarningsOpenYellow',
  'earlyWarningsOpenOrange',
  'earlyWarningsOpenRed',
] as const;

export type LateChanges = Record<(typeof LATE_CHANGE_FIGURES)[number], number>;

/** What an answer as known at an instant adds to the figures. */
export const KnownAtAnswerSchema = z.object({
  knownAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('with knownAt only: the instant the figures are as known at, as asked'),
  lateChanges: z
    .object(
      Object.fromEntries(LATE_CHANGE_FIGURES.map((f) => [f, z.number().int()])) as Record<
        (typeof LATE_CHANGE_FIGURES)[number],
        z.ZodNumber
      >,
    )
    .optional()
    .describe(
      'with knownAt only: what entries recorded after knownAt changed of each count of the same day (now minus as known then); all 0 when nothing was entered late',
    ),
});

/** Each count as known now minus as known then: what late entries changed. */
export const lateChangesOf = (
  known: Record<(typeof LATE_CHANGE_FIGURES)[number], number>,
  now: Record<(typeof LATE_CHANGE_FIGURES)[number], number>,
): LateChanges =>
  Object.fromEntries(LATE_CHANGE_FIGURES.map((f) => [f, now[f] - known[f]])) as LateChanges;

/** A sheet title's words for an export as known at an instant (empty for now). */
export const knownAtTitle = (knownAt: string | null | undefined): string =>
  knownAt === null || knownAt === undefined ? '' : `，${knownAt}时所知`;
