import type { Summary } from '../api/reports';
import { useI18n } from '../i18n/i18n';
import { figureSource, formatFigure, lateChangeText, rateParts } from './figure-value';
import type { FigureKey } from './figures';
import { FIGURES, KPI_CARDS, MEMBER_PARTS } from './figures';

interface CardProps {
  summary: Summary;
  figure: FigureKey;
  asOf: string | undefined;
}

/**
 * One figure: its value large, and on hover or focus (a tap on a phone) its definition, a rate's
 * numerator and denominator, and its source.
 */
const KpiCard = ({ summary, figure, asOf }: CardProps) => {
  const i18n = useI18n();
  const definition = FIGURES[figure];
  const parts = rateParts(i18n, summary, figure);
  const source = figureSource(i18n, summary, figure, asOf);
  const empty = definition.kind === 'rate' && summary[figure] === null;
  const late = lateChangeText(i18n, summary.lateChanges, figure);
  const tip = [
    i18n.pick(definition.definition),
    parts,
    empty ? i18n.t('noDenominator') : undefined,
    source,
  ]
    .filter(Boolean)
    .join('\n');

  return (
    <div className="kpi" tabIndex={0} data-figure={figure} aria-describedby={`tip-${figure}`}>
      <div className="kpi-label">{i18n.pick(definition.label)}</div>
      <div className="kpi-value" data-value={String(summary[figure])}>
        {formatFigure(i18n, summary, figure)}
      </div>
      {late && (
        <div className="kpi-late" data-late={summary.lateChanges?.[figure]}>
          {late}
        </div>
      )}
      {parts && <div className="kpi-parts">{parts}</div>}
      {figure === 'members' && (
        <div className="kpi-parts">
          {i18n.t('parts')}{' '}
          {MEMBER_PARTS.map((part) => (
            <span key={part} data-figure={part} title={i18n.pick(FIGURES[part].definition)}>
              {i18n.pick(FIGURES[part].label)} {formatFigure(i18n, summary, part)}
            </span>
          ))}
        </div>
      )}
      <div className="kpi-tip" role="tooltip" id={`tip-${figure}`}>
        {tip}
      </div>
    </div>
  );
};

/** The unit's KPI cards, from reporting's summary. */
export const KpiCards = ({ summary, asOf }: { summary: Summary; asOf: string | undefined }) => (
  <section className="kpis" aria-label="KPI">
    {KPI_CARDS.map((figure) => (
      <KpiCard key={figure} summary={summary} figure={figure} asOf={asOf} />
    ))}
  </section>
);
