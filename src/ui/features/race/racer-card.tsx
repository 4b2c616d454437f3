/**
 * One racer beside the surface: its colour and label, step and loss, a diverged badge,
 * its live state at the current point (gradient, every slot, the effective step size,
 * the last step), toggles for its arrows, and its update rule.
 */
import type { RaceEntryState, Vec2 } from '../../../engine/race/types';
import type { OptimizerSpec } from '../../../engine/optimizers/types';
import { CheckboxField } from '../../components/field';
import { formatValue } from '../live-charts/format';
import { UpdateRule } from '../optimizer-editor/update-rule';
import type { Arrows } from './race-settings';

export interface RacerCardProps {
  readonly index: number;
  readonly label: string;
  readonly color: string;
  readonly spec: OptimizerSpec;
  readonly state: RaceEntryState | undefined;
  readonly arrows: Arrows;
  /** False for optimizers whose settings keep no momentum: no arrow to offer. */
  readonly keepsMomentum: boolean;
  readonly onArrows: (arrows: Arrows) => void;
}

function VectorRow({ label, title, value }: { label: string; title?: string; value: Vec2 | undefined }) {
  return (
    <tr>
      <th scope="row" title={title}>
        {label}
      </th>
      <td>{value ? formatValue(value[0]) : '–'}</td>
      <td>{value ? formatValue(value[1]) : '–'}</td>
    </tr>
  );
}

export function RacerCard({ index, label, color, spec, state, arrows, keepsMomentum, onArrows }: RacerCardProps) {
  const step = state?.step ?? 0;
  const effective = state?.effectiveStep;
  return (
    <section className={`racer-card${state?.diverged ? ' racer-diverged' : ''}`} style={{ borderLeftColor: color }} aria-label={label}>
      <h3>
        <span className="swatch" style={{ background: color }} aria-hidden="true" />
        {label}
        {state?.diverged && <span className="badge badge-diverged">diverged</span>}
      </h3>
      <dl className="racer-readout">
        <div>
          <dt>Step</dt>
          <dd data-testid="racer-step">{step}</dd>
        </div>
        <div>
          <dt>Loss</dt>
          <dd data-testid="racer-loss">{state ? formatValue(state.loss) : '–'}</dd>
        </div>
        <div>
          <dt>At</dt>
          <dd>{state ? `(${formatValue(state.x)}, ${formatValue(state.y)})` : '–'}</dd>
        </div>
      </dl>
      {state?.diverged && (
        <p className="racer-note" role="status">
          Diverged at step {state.divergedAtStep}: the next point was not a finite float32. Shown at its last finite point; the others go on.
        </p>
      )}
      <table className="racer-state">
        <caption>Live state at this point</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">x</th>
            <th scope="col">y</th>
          </tr>
        </thead>
        <tbody>
          <VectorRow label="gradient g" value={state?.gradient} />
          {state?.slots.map((slot) => <VectorRow key={slot.name} label={slot.symbol} title={`Keras slot ${slot.name}`} value={slot.values} />)}
          <VectorRow label={effective ? `step size ${effective.formula}` : 'step size'} title={effective ? `multiplies ${effective.appliesTo}` : 'after the first step'} value={effective?.values} />
          <VectorRow label="last step Δw" value={state && state.step > 0 ? state.lastStep : undefined} />
        </tbody>
      </table>
      {effective && <p className="field-help">Step size multiplies {effective.appliesTo}; lr is {formatValue(state!.learningRate)}.</p>}
      <div className="arrow-toggles">
        <CheckboxField path={`race.racers[${index}].arrows.gradient`} label="Gradient arrow" checked={arrows.gradient} onChange={(gradient) => onArrows({ ...arrows, gradient })} />
        {keepsMomentum ? (
          <CheckboxField path={`race.racers[${index}].arrows.momentum`} label="Momentum arrow" checked={arrows.momentum} onChange={(momentum) => onArrows({ ...arrows, momentum })} />
        ) : (
          <span className="field-help">No momentum with these settings.</span>
        )}
      </div>
      <UpdateRule name={label} rule={spec.rule} />
    </section>
  );
}
