/**
 * Projector mode's key to the picture, beside the canvas: each racer's dot in its colour
 * (as drawn on the surface), its label and its loss now. In a room the cards sit below
 * the picture, out of view, and a colour with no name says nothing.
 */
import type { RaceEntryState } from '../../../engine/race/types';
import { formatValue } from '../live-charts/format';

export interface KeyRacer {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly state: RaceEntryState | undefined;
}

const standing = (state: RaceEntryState | undefined): string => (state?.diverged ? '✕ diverged' : state ? formatValue(state.loss) : '–');

export function RaceKey({ racers }: { readonly racers: readonly KeyRacer[] }) {
  return (
    <ol className="race-key" aria-label="Optimizers on the surface, with their loss">
      <li className="race-key-head" aria-hidden="true">
        <span />
        <span>Optimizer</span>
        <span>loss</span>
      </li>
      {racers.map((racer) => (
        <li key={racer.key} title={racer.label}>
          <span className="race-key-dot" style={{ background: racer.color }} aria-hidden="true" />
          <span className="race-key-name">{racer.label}</span>
          <span className="race-key-loss">{standing(racer.state)}</span>
        </li>
      ))}
    </ol>
  );
}
