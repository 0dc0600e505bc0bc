export { PasswordHasher } from './password-hasher';
export { orgUnitNotFound } from './user.errors';
export { findCredentials, findUser } from './users.sql';
export type { UserRow } from './users.sql';
