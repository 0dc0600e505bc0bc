import { useI18n } from '../i18n/i18n';
import { followLink, useLocation, withQuery } from '../routing/router';

export interface Crumb {
  id: string;
  name: string | null;
}

/** From the signed-in unit down to the one shown; each step a link to its own view. */
export const Breadcrumb = ({ trail }: { trail: readonly Crumb[] }) => {
  const { t } = useI18n();
  const location = useLocation();

  return (
    <nav className="breadcrumb" aria-label="breadcrumb">
      <ol>
        {trail.map((crumb, index) => {
          const path = `/units/${trail
            .slice(0, index + 1)
            .map((step) => step.id)
            .join('/')}`;
          const label = crumb.name ?? (index === 0 ? t('backHome') : crumb.id.slice(0, 8));

          return (
            <li key={crumb.id}>
              {index === trail.length - 1 ? (
                <span aria-current="page">{label}</span>
              ) : (
                <a
                  href={withQuery(
                    location,
                    { sort: undefined, dir: undefined, page: undefined },
                    path,
                  )}
                  onClick={followLink}
                >
                  {label}
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
};
