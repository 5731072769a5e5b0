import { useTranslation } from 'react-i18next';
import type { Report } from '../../electron/core/report/types';
import { headlineFacts, type HeadlineFacts } from './headline-facts';
import { keepUnits } from '../format/formatters';
import { useFormat } from './use-format';

/** One sentence: "Pruned is 1.53× faster (median 9.7 µs vs 14.9 µs, 95 % interval 1.52–1.55)". */
export function useHeadlineText(): (h: HeadlineFacts) => { main: string; rest: string[] } {
  const { t } = useTranslation();
  const f = useFormat();
  return (h) => {
    const medians = { pruned: f.micros(h.prunedMedianUs), dense: f.micros(h.denseMedianUs) };
    const interval = h.ci
      ? keepUnits(
          t('report.headline.interval', {
            level: f.number(h.ci.level * 100, 0),
            low: f.times(h.ci.low),
            high: f.times(h.ci.high),
          }),
        )
      : t('report.headline.noInterval');
    const main =
      h.speedup === null
        ? t('report.headline.noSpeedup')
        : h.speedup >= 1
          ? t('report.headline.faster', { speedup: f.times(h.speedup), ...medians, interval })
          : t('report.headline.slower', { speedup: f.times(1 / h.speedup), ...medians, interval });
    const rest: string[] = [];
    if (h.bytesSaved !== null) {
      rest.push(
        h.bytesSaved >= 0
          ? t('report.headline.smaller', { size: f.bytes(h.bytesSaved) })
          : t('report.headline.larger', { size: f.bytes(-h.bytesSaved) }),
      );
    }
    if (h.accuracyDelta !== null) rest.push(t('report.headline.accuracy', { points: f.points(h.accuracyDelta) }));
    rest.push(t(`report.headline.sparse.${h.sparseInference}`));
    return { main, rest };
  };
}

export function Headline({ report }: { report: Report }) {
  const { t } = useTranslation();
  const text = useHeadlineText();
  const facts = headlineFacts(report, t('report.devices.thisComputer'));
  return (
    <section className="report-section headline keep" data-testid="report-headline">
      <h2>{t('report.headline.title')}</h2>
      {facts.length === 0 ? <p className="muted">{t('report.headline.none')}</p> : null}
      <ul className="headline-list">
        {facts.map((h) => {
          const { main, rest } = text(h);
          return (
            <li key={h.key} className={h.synthetic ? 'synthetic-row' : undefined} data-testid="headline-item">
              <span className="headline-device">
                {h.label}
                {h.synthetic ? <span className="tag synthetic">{t('report.synthetic.badge')}</span> : null}
              </span>
              <span className="headline-sentence">
                <strong>{main}</strong>
                {rest.length ? `, ${rest.join(', ')}.` : '.'}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
