// The report's charts come from the report module itself, so the app and the exported HTML show the same drawings.
import type { Report } from '../../api/responses';
import { SvgMarkup } from '../../charts/SvgMarkup';
import {
  latencyGroups,
  opProfileInputs,
  sparsityInputs,
  speedupBars,
  trainingInputs,
} from '../../../../electron/core/report/chart-data';
import { latencyBarsChart } from '../../../../electron/core/report/charts/latency-bars';
import { opProfileChart } from '../../../../electron/core/report/charts/op-profile-bars';
import { sparsityScheduleChart } from '../../../../electron/core/report/charts/sparsity-schedule';
import { speedupChart } from '../../../../electron/core/report/charts/speedup-bars';
import { trainingCurvesChart } from '../../../../electron/core/report/charts/training-curves';

/** Every chart of the report as SVG markup, in the HTML export's order. */
export function reportChartSvgs(report: Report): { key: string; svg: string }[] {
  return [
    { key: 'latency', svg: latencyBarsChart(latencyGroups(report)) },
    { key: 'speedup', svg: speedupChart(speedupBars(report)) },
    ...trainingInputs(report).map((t) => ({ key: `training-${t.label}`, svg: trainingCurvesChart(t) })),
    ...sparsityInputs(report).map((s) => ({ key: `sparsity-${s.label}`, svg: sparsityScheduleChart(s) })),
    ...opProfileInputs(report).map((o) => ({ key: `op-profile-${o.label}`, svg: opProfileChart(o) })),
  ];
}

export function ReportCharts({ report }: { report: Report }) {
  return (
    <div className="chart-grid">
      {reportChartSvgs(report).map((c) => (
        <SvgMarkup key={c.key} svg={c.svg} label={c.key} />
      ))}
    </div>
  );
}
