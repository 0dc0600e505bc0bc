import { sqlMigration } from '@taizhang/bootstrap';

/**
 * Every Workers' Home rating (职工之家, 模范职工之家, 职工小家) as conferred: few rows (one per union,
 * year and title), counted per subtree when read, under the paths the unions had on the date
 * asked (`org_paths`). `branch_id` is '' for a rating of the union itself.
 */
export const CreateWorkersHomeRatings1767300000001 = sqlMigration(
  'CreateWorkersHomeRatings1767300000001',
  {
    up: [
      `CREATE TABLE workers_home_ratings (
        union_id    text        NOT NULL,
        year        integer     NOT NULL,
        title       text        NOT NULL,
        branch_id   text        NOT NULL DEFAULT '',
        awarded_on  date        NOT NULL,
        awarded_by  text        NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (union_id, year, title, branch_id)
      )`,
    ],
    down: ['DROP TABLE workers_home_ratings'],
  },
);
