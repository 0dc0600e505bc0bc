/** A session of a union's workers' congress 职代会/教代会, and what it voted. */
export type Congress =
  | { status: 'None' }
  | {
      status: 'Held';
      congressId: string;
      unionId: string;
      kind: 'workers' | 'teachers';
      heldOn: string;
      delegatesEntitled: number;
      delegatesPresent: number;
      resolutions: { resolutionId: string; title: string; votesFor: number; passed: boolean }[];
    };

export type HeldCongress = Extract<Congress, { status: 'Held' }>;

export const initialState = (): Congress => ({ status: 'None' });
