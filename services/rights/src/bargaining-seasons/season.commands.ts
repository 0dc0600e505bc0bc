import type { Command } from '@taizhang/event-store';

/** 要约行动季: a federation's campaign for requests to negotiate wages in its subtree. */
export type LaunchSeason = Command<
  'LaunchSeason',
  {
    seasonId: string;
    federation: { id: string; ended: boolean };
    name: string;
    from: string;
    to: string;
    targetRequests: number;
  }
>;

export type SeasonCommand = LaunchSeason;
