/**
 * The race being shown, kept in the URL: read from `#race=…` when the page opens (or
 * the default race, with a clear message if the link was bad), validated on every
 * change, and, when valid, written back with replaceState (no history entry per
 * keystroke). A race link pasted into this tab (hashchange) loads its race.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RaceSetup } from '../../../engine/race/types';
import type { Catalog } from '../../catalog/catalog';
import type { FieldErrors } from '../config/form-to-config';
import { defaultRaceSettings, raceSetup, type RaceSettings } from './race-settings';
import { linkToSettings, raceToHash, readRaceHash, settingsToLink, type RaceHashRead } from './race-url';

export interface RaceSettingsValue {
  readonly settings: RaceSettings;
  readonly update: (change: (settings: RaceSettings) => RaceSettings) => void;
  readonly errors: FieldErrors;
  /** What the worker should step, when every field is valid. */
  readonly setup?: RaceSetup;
  readonly linkProblem?: string;
  readonly dismissLinkProblem: () => void;
}

function fromHash(catalog: Catalog, read: RaceHashRead, fallback: () => RaceSettings): { settings: RaceSettings; problem?: string } {
  if (read.kind === 'ok') return { settings: linkToSettings(catalog.optimizerSpecs, read.link) };
  if (read.kind === 'error') return { settings: fallback(), problem: `${read.message} The default race is shown instead.` };
  return { settings: fallback() };
}

export function useRaceSettings(catalog: Catalog): RaceSettingsValue {
  const [initial] = useState(() => fromHash(catalog, readRaceHash(window.location.hash, catalog.resolveOptimizerConfig), () => defaultRaceSettings(catalog.optimizerSpecs)));
  const [settings, setSettings] = useState(initial.settings);
  const [linkProblem, setLinkProblem] = useState(initial.problem);
  const written = useRef<string | null>(null);

  const { setup, errors } = useMemo(() => raceSetup(catalog, settings), [catalog, settings]);
  const hash = useMemo(() => (setup ? raceToHash(settingsToLink(catalog.optimizerSpecs, settings)) : undefined), [catalog, settings, setup]);

  useEffect(() => {
    if (!hash || window.location.hash === hash) return;
    written.current = hash;
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  }, [hash]);

  useEffect(() => {
    const listener = () => {
      if (window.location.hash === written.current) return;
      const read = readRaceHash(window.location.hash, catalog.resolveOptimizerConfig);
      if (read.kind === 'none') return;
      const next = fromHash(catalog, read, () => defaultRaceSettings(catalog.optimizerSpecs));
      setLinkProblem(next.problem);
      if (read.kind !== 'error') setSettings(next.settings);
    };
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, [catalog]);

  const update = useCallback((change: (settings: RaceSettings) => RaceSettings) => setSettings((current) => change(current)), []);
  const dismissLinkProblem = useCallback(() => setLinkProblem(undefined), []);
  return { settings, update, errors, setup, linkProblem, dismissLinkProblem };
}
