import { useI18n } from '../i18n/i18n';
import type { Lang } from '../i18n/messages';
import type { SubmissionTextKey } from './submission-texts';
import { submissionText } from './submission-texts';
import type { ReportPeriod } from './submissions-api';

export type SubmissionText = (
  key: SubmissionTextKey,
  values?: Record<string, string | number>,
) => string;

/** The labels of 报表报送 in the current language. */
export const useSubmissionText = (): SubmissionText => {
  const { lang } = useI18n();

  return (key, values) => submissionText(lang, key, values);
};

/** An instant as read in China, where the federations are. */
export const instantText = (lang: Lang, instant: string): string =>
  new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(instant));

export const periodText = (s: SubmissionText, period: ReportPeriod): string =>
  s(period.kind === 'month' ? 'monthPeriod' : 'yearPeriod', { value: period.value });
