/**
 * The sweep being built, shared by the builder's panels and by whatever loads a sweep
 * into it (a preset, a link, "Sweep this setup"). Validated on every change, and when
 * valid (and the Sweep tab is on screen) written to the URL as `#sweep=`.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SweepConfigInput, SweepPlan } from '../../../../engine/sweeps/sweep-config';
import { sweepPresets } from '../../../../engine/sweeps/presets';
import { useCatalog } from '../../../app/catalog-context';
import { useLabView } from '../../../app/lab-view-context';
import { useOnScreenView } from '../../../app/view-nav';
import type { FieldErrors } from '../../config/form-to-config';
import { readSweepHash, sweepToHash, type SweepHashRead } from '../../url-state/sweep-url';
import { useUrlHash } from '../../url-state/use-url-hash';
import { formToSweep, sweepToForm, type SweepForm } from './sweep-form';
import { validateSweep } from './sweep-validate';

/** What the builder shows first: E4's smaller grid (the full one is a preset too). */
export const DEFAULT_SWEEP_PRESET = 'e4';

export interface SweepFormValue {
  readonly form: SweepForm;
  readonly update: (change: (form: SweepForm) => SweepForm) => void;
  readonly loadSweep: (config: SweepConfigInput) => void;
  readonly config: SweepConfigInput;
  readonly plan?: SweepPlan;
  readonly errors: FieldErrors;
  readonly valid: boolean;
  readonly linkProblem?: string;
  readonly dismissLinkProblem: () => void;
}

const SweepFormContext = createContext<SweepFormValue | null>(null);

export function SweepFormProvider({ children }: { children: ReactNode }) {
  const { parseSweep } = useCatalog();
  const { setView } = useLabView();
  const [initial] = useState(() => {
    const read = readSweepHash(typeof window === 'undefined' ? '' : window.location.hash, parseSweep);
    const fallback = sweepPresets[DEFAULT_SWEEP_PRESET]!.config;
    return {
      form: sweepToForm(read.kind === 'ok' ? read.config : fallback),
      problem: read.kind === 'error' ? `${read.message} The default sweep is shown instead.` : undefined,
    };
  });
  const [form, setForm] = useState(initial.form);
  const [linkProblem, setLinkProblem] = useState(initial.problem);
  const { config, plan, errors } = useMemo(() => {
    const assembled = formToSweep(form);
    return { config: assembled.config, ...validateSweep(parseSweep, assembled.config, assembled.errors, form.mode) };
  }, [form, parseSweep]);
  const valid = Object.keys(errors).length === 0;

  const loadSweep = useCallback((next: SweepConfigInput) => {
    setForm(sweepToForm(next));
    setLinkProblem(undefined);
  }, []);
  const read = useCallback((hash: string) => readSweepHash(hash, parseSweep), [parseSweep]);
  const onLink = useCallback(
    (result: SweepHashRead) => {
      if (result.kind === 'ok') {
        loadSweep(result.config);
        setView('sweep');
      } else if (result.kind === 'error') setLinkProblem(`${result.message} The sweep was left as it was.`);
    },
    [loadSweep, setView],
  );
  // While the race is on screen the hash is the race's.
  const onScreen = useOnScreenView() === 'sweep';
  useUrlHash(config, valid && onScreen, sweepToHash, read, onLink);

  const value = useMemo<SweepFormValue>(
    () => ({ form, update: (change) => setForm(change), loadSweep, config, plan, errors, valid, linkProblem, dismissLinkProblem: () => setLinkProblem(undefined) }),
    [form, loadSweep, config, plan, errors, valid, linkProblem],
  );
  return <SweepFormContext.Provider value={value}>{children}</SweepFormContext.Provider>;
}

export function useSweepForm(): SweepFormValue {
  const value = useContext(SweepFormContext);
  if (!value) throw new Error('useSweepForm needs a <SweepFormProvider> above it');
  return value;
}
