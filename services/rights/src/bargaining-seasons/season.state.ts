/** A wage-bargaining season 工资集体协商要约行动季 a federation launched for its unit. */
export type BargainingSeason =
  | { status: 'None' }
  | {
      status: 'Launched';
      seasonId: string;
      orgUnitId: string;
      name: string;
      from: string;
      to: string;
      targetRequests: number;
    };

export type LaunchedSeason = Exclude<BargainingSeason, { status: 'None' }>;

export const initialState = (): BargainingSeason => ({ status: 'None' });
