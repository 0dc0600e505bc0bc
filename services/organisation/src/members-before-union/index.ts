export { moveHeldMembers } from './move-held-members';
