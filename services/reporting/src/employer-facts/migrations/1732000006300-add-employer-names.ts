import { sqlMigration } from '@taizhang/bootstrap';

/**
 * The employer's name and credit code (统一社会信用代码, public registry data) from
 * `EmployerRegistered`, for the list of employers without a union. Employers projected before
 * keep null until the read model is rebuilt from the topic.
 */
export const AddEmployerNames1732000006300 = sqlMigration('AddEmployerNames1732000006300', {
  up: ['ALTER TABLE employer_facts ADD COLUMN name text, ADD COLUMN credit_code text'],
  down: ['ALTER TABLE employer_facts DROP COLUMN name, DROP COLUMN credit_code'],
});
