/**
 * E3's point plots for "prod": the training points coloured by their target, and the
 * test points coloured by a chosen trial's predictions (from the worker's test pass),
 * on one colour scale (RdBu: blue high, red low).
 */
import { useMemo, useState } from 'react';
import type { ExperimentPlan } from '../../../../engine/experiment/config';
import type { TrialOutcome } from '../../../../engine/sweeps/outcome';
import type { Trial } from '../../../../engine/sweeps/trials';
import { PROD_INPUT_SCALE } from '../../../../engine/data/synthetic';
import { ChartFigure } from '../../../components/chart-figure';
import { divergingColor } from '../../../components/palette';
import { predictionPoints, prodSets, targetPoints, type ScatterPoint } from './scatter-model';

const SIZE = 260;
const PAD = 28;

function Plot({ title, points, fileName }: { title: string; points: readonly ScatterPoint[]; fileName: string }) {
  const scale = (v: number) => PAD + ((v + PROD_INPUT_SCALE) / (2 * PROD_INPUT_SCALE)) * (SIZE - 2 * PAD);
  return (
    <ChartFigure title={title} fileName={fileName} className="scatter-card">
      <svg data-chart="" role="img" aria-label={`${title}: ${points.length} points`} viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} className="heatmap" fontSize={10}>
        <rect x={PAD} y={PAD} width={SIZE - 2 * PAD} height={SIZE - 2 * PAD} fill="#fafafa" stroke="#cccccc" />
        {points.map((p, i) => (
          <circle key={i} cx={scale(p.x1)} cy={SIZE - scale(p.x2)} r={2.6} fill={divergingColor(p.value)} stroke="#00000022" strokeWidth={0.5} />
        ))}
        <text x={SIZE / 2} y={SIZE - 6} textAnchor="middle">
          x1
        </text>
        <text transform={`translate(10 ${SIZE / 2}) rotate(-90)`} textAnchor="middle">
          x2
        </text>
      </svg>
    </ChartFigure>
  );
}

export function ProdScatter({ plan, trials, outcomes, bestId, fileName }: {
  plan: ExperimentPlan;
  trials: readonly Trial[];
  outcomes: Readonly<Record<string, TrialOutcome>>;
  bestId?: string;
  fileName: string;
}) {
  const sets = useMemo(() => prodSets(plan), [plan]);
  const withPredictions = trials.filter((trial) => outcomes[trial.id]?.predictions);
  const [chosen, setChosen] = useState<string>();
  const trial = withPredictions.find((t) => t.id === chosen) ?? withPredictions.find((t) => t.id === bestId) ?? withPredictions[0];
  const predictions = trial ? outcomes[trial.id]!.predictions! : undefined;
  const targets = useMemo(() => (sets ? targetPoints(sets.train) : []), [sets]);
  const predicted = useMemo(() => (sets && predictions ? predictionPoints(sets.test, predictions) : []), [sets, predictions]);
  if (!sets) return null;
  return (
    <section aria-labelledby="scatter-heading" className="panel">
      <h2 id="scatter-heading">Data and predictions</h2>
      <p className="field-help">
        y = x1·x2/4 on [−2, 2]²; blue is high, red is low (ColorBrewer RdBu, colour-blind safe). The predictions are the chosen trial’s on the test points.
      </p>
      {withPredictions.length > 0 && (
        <div className="field inline-field">
          <label htmlFor="scatter-trial">Trial</label>
          <select id="scatter-trial" value={trial?.id} onChange={(event) => setChosen(event.target.value)}>
            {withPredictions.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="scatter-grid">
        <Plot title="Training data coloured by target" points={targets} fileName={`${fileName}-data`} />
        {trial && <Plot title={`Predictions of ${trial.label}`} points={predicted} fileName={`${fileName}-predictions`} />}
      </div>
    </section>
  );
}
