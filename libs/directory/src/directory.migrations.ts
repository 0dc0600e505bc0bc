import { CreateMemberDirectory1765000000100 } from './members/member-directory.migration';
import { CreateOrgTreeInTime1765000000000 } from './org-tree/org-tree.migration';

/** Every table of the directory, for a service that mounts all of it. */
export const directoryMigrations = [
  CreateOrgTreeInTime1765000000000,
  CreateMemberDirectory1765000000100,
];
