export type { SigningKeys } from './signing-keys';
