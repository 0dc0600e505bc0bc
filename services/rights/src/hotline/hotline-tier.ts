import type { HotlineTier } from '@taizhang/contracts';

/**
 * The tier whose limit applies to a unit holding a ticket: community 社区 and village 村 union
 * units sit under a street and count as the street's tier.
 */
export const tierOf = (kind: string): HotlineTier | null => {
  switch (kind) {
    case 'municipal':
    case 'district':
    case 'street':
    case 'union':
      return kind;
    case 'community':
    case 'village':
      return 'street';
    default:
      return null;
  }
};
