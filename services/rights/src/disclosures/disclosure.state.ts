import type { DisclosureRecorded } from '@taizhang/contracts';

/** An affairs disclosure 厂务公开/校务公开 a union recorded, and whether it was withdrawn. */
export type Disclosure =
  | { status: 'None' }
  | (DisclosureRecorded['data'] & {
      status: 'Recorded' | 'Withdrawn';
      withdrawnOn: string | null;
      withdrawalReason: string | null;
    });

export type RecordedDisclosure = Exclude<Disclosure, { status: 'None' }>;

export const initialState = (): Disclosure => ({ status: 'None' });
