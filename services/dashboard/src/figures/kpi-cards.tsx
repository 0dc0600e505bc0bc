import type { Summary } from '../api/reports';
import { useI18n } from '../i18n/i18n';
import { figureSource, formatFigure, lateChangeText, rateParts } from './figure-value';
import type { FigureKey, FigurePanel } from './figures';
import { FIGURE_PANELS, FIGURES, KPI_CARDS, MEMBER_PARTS } from './figures';

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

interface PanelProps {
  panel: FigurePanel;
  summary: Summary;
  asOf: string | undefined;
}

/**
 * A panel of cards under its title (维权, …): the figures of its block the summary carries, none
 * it does not (the panel is left out when it carries none).
 */
const KpiPanel = ({ panel, summary, asOf }: PanelProps) => {
  const i18n = useI18n();
  const shown = panel.figures.filter((figure) => summary[figure] !== undefined);
  if (shown.length === 0) return null;
  const title = i18n.pick(panel.title);

  return (
    <section className="kpi-panel" data-panel={panel.id} aria-label={title}>
      <h2>{title}</h2>
      <div className="kpis">
        {shown.map((figure) => (
          <KpiCard key={figure} summary={summary} figure={figure} asOf={asOf} />
        ))}
      </div>
    </section>
  );
};

/** The unit's KPI cards, from reporting's summary, then its panels (维权, …). */
export const KpiCards = ({ summary, asOf }: { summary: Summary; asOf: string | undefined }) => (
  <>
    <section className="kpis" aria-label="KPI">
      {KPI_CARDS.map((figure) => (
        <KpiCard key={figure} summary={summary} figure={figure} asOf={asOf} />
      ))}
    </section>
    {FIGURE_PANELS.map((panel) => (
      <KpiPanel key={panel.id} panel={panel} summary={summary} asOf={asOf} />
    ))}
  </>
);
