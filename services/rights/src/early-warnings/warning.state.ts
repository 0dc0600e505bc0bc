import type { EarlyWarningRaised } from '@taizhang/contracts';

type Raised = EarlyWarningRaised['data'];

/** A labour-relations early warning 劳动关系预警: open until resolved, at its current level. */
export type EarlyWarning =
  | { status: 'None' }
  | (Raised & {
      status: 'Open' | 'Resolved';
      /** The day of the latest step: a later step may not come before it. */
      lastStepOn: string;
      followUps: { followUpId: string; on: string; action: string }[];
      levelChanges: { from: Raised['level']; to: Raised['level']; changedOn: string; reason: string }[];
      resolvedOn: string | null;
      outcome: string | null;
    });

export type RaisedWarning = Exclude<EarlyWarning, { status: 'None' }>;

export const initialState = (): EarlyWarning => ({ status: 'None' });
