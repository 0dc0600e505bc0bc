import { useI18n } from '../i18n/i18n';
import type { LiveUpdates } from './use-live-updates';

/** 实时 / 已更新: whether the view follows live updates, and that its figures just changed. */
export const LiveMark = ({ live }: { live: LiveUpdates }) => {
  const { t } = useI18n();
  if (live.state === 'stopped' && !live.updated) return null;

  return (
    <p className="live-mark" data-live={live.state} aria-live="polite">
      {live.updated ? (
        <span className="live-updated">{t('liveUpdated')}</span>
      ) : live.state === 'live' ? (
        <span className="live-on">{t('liveOn')}</span>
      ) : (
        <span className="live-off" title={t('liveOff')}>
          {t('liveOn')} …
        </span>
      )}
    </p>
  );
};
