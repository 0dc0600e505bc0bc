export { CreateReportSubmissions1768700000000 } from './migrations/1768700000000-create-report-submissions';
export { ReportSubmissionsController } from './report-submissions.controller';
