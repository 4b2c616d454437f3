/**
 * Keeps the worker's race in step with the settings: a new setup (any valid edit, a new
 * start, another surface) starts a new race from the start, playing on if the old one
 * was playing; the speed follows the control; and `playing` in the settings (so in the
 * URL) follows what the worker reports, including a race that finished by itself.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { RaceState, RaceStore } from '../../../client/race-store';
import type { RaceSetup } from '../../../engine/race/types';
import type { RaceSettings } from './race-settings';

export interface RaceDriver {
  readonly play: () => void;
  readonly pause: () => void;
  readonly toggle: () => void;
  readonly step: () => void;
  /** Back to the start, paused. */
  readonly reset: () => void;
}

export function useRaceDriver(
  store: RaceStore | undefined,
  state: RaceState,
  setup: RaceSetup | undefined,
  settings: RaceSettings,
  update: (change: (settings: RaceSettings) => RaceSettings) => void,
): RaceDriver {
  const wantsToPlay = useRef(settings.playing);
  wantsToPlay.current = settings.playing;
  const setupKey = setup ? JSON.stringify(setup) : undefined;

  useEffect(() => {
    store?.speed(settings.speed);
  }, [store, settings.speed]);

  // Keyed by the setup's content, not its identity: settings that change nothing the
  // worker steps (arrows, projector mode) must not restart the race.
  useEffect(() => {
    if (!store || !setup) return;
    store.configure(setup);
    if (wantsToPlay.current) store.play();
  }, [store, setupKey]);

  const reported = useRef(state.playing);
  useEffect(() => {
    if (state.playing === reported.current) return;
    reported.current = state.playing;
    update((s) => (s.playing === state.playing ? s : { ...s, playing: state.playing }));
  }, [state.playing, update]);

  return useMemo(() => {
    const play = () => store?.play();
    const pause = () => store?.pause();
    return {
      play,
      pause,
      toggle: () => (store?.getState().playing ? pause() : play()),
      step: () => store?.step(1),
      reset: () => {
        if (!store || !setup) return;
        update((s) => ({ ...s, playing: false }));
        wantsToPlay.current = false;
        store.configure(setup);
      },
    };
  }, [store, setup, update]);
}
