/**
 * Driving the race: play or pause, one step, reset, speed; where it stands; the PNG and
 * CSV exports; projector mode and hiding the controls. Every button is reachable by
 * keyboard, and the page-wide keys (RACE_KEYS) are named on the buttons.
 */
import type { RaceState } from '../../../client/race-store';
import { nearestSpeed, SPEEDS } from './race-settings';
import { RACE_KEYS } from './race-shortcuts';

export interface RaceToolbarProps {
  readonly state: RaceState;
  readonly canRun: boolean;
  readonly speed: number;
  readonly projector: boolean;
  readonly onPlay: () => void;
  readonly onPause: () => void;
  readonly onStep: () => void;
  readonly onReset: () => void;
  readonly onSpeed: (speed: number) => void;
  readonly onProjector: (on: boolean) => void;
  readonly onHideControls: () => void;
  readonly onPng: () => void;
  readonly onCsv: () => void;
  readonly exportProblem?: string;
}

function raceStatusText(state: RaceState): string {
  if (state.status === 'starting') return 'Starting the race worker…';
  if (state.status === 'failed') return 'The race worker stopped';
  const where = `Step ${state.step}`;
  if (state.finished) return `${where} · finished`;
  return `${where} · ${state.playing ? 'playing' : 'paused'}`;
}

/** Where the race stands, in words; on screen with the controls hidden too. */
export function RaceStatus({ state }: { state: RaceState }) {
  return (
    <span className="status race-status" role="status" aria-label="Race status">
      {raceStatusText(state)}
    </span>
  );
}

export function RaceToolbar(props: RaceToolbarProps) {
  const { state, canRun, speed } = props;
  const index = Math.max(0, SPEEDS.indexOf(nearestSpeed(speed) as (typeof SPEEDS)[number]));
  const ready = canRun && state.status === 'ready';
  return (
    <div className="race-toolbar" role="group" aria-label="Race controls">
      {state.playing ? (
        <button type="button" className="primary" onClick={props.onPause} aria-keyshortcuts={RACE_KEYS.playPause.keys}>
          Pause
        </button>
      ) : (
        <button type="button" className="primary" onClick={props.onPlay} disabled={!ready || state.finished} aria-keyshortcuts={RACE_KEYS.playPause.keys}>
          Play
        </button>
      )}
      <button type="button" onClick={props.onStep} disabled={!ready || state.finished} aria-keyshortcuts={RACE_KEYS.step.keys}>
        Step
      </button>
      <button type="button" onClick={props.onReset} disabled={!ready} aria-keyshortcuts={RACE_KEYS.reset.keys}>
        Reset
      </button>
      <label className="inline race-speed">
        Speed
        <input
          type="range"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={index}
          aria-valuetext={`${SPEEDS[index]} steps per second`}
          onChange={(event) => props.onSpeed(SPEEDS[Number(event.target.value)]!)}
        />
        <output>{SPEEDS[index]} steps/s</output>
      </label>
      <span className="race-files">
        <button type="button" className="small" onClick={props.onPng} aria-label="Download the picture as PNG">
          PNG
        </button>
        <button type="button" className="small" onClick={props.onCsv} aria-label="Download the trajectories as CSV">
          CSV
        </button>
        {props.exportProblem && (
          <span role="alert" className="field-error">
            {props.exportProblem}
          </span>
        )}
      </span>
      <label className="inline">
        <input type="checkbox" checked={props.projector} onChange={(event) => props.onProjector(event.target.checked)} aria-keyshortcuts={RACE_KEYS.projector.keys} />
        Projector mode
      </label>
      <button type="button" className="small" onClick={props.onHideControls} aria-keyshortcuts={RACE_KEYS.controls.keys}>
        Hide controls
      </button>
    </div>
  );
}
