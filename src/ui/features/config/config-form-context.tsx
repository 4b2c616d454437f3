/**
 * The setup being edited, shared by the config panel and by whatever loads a setup into
 * it (presets, a link, "use this setup" on a past comparison). The form is validated on
 * every change (cheap: a zod parse and the optimizer resolvers) and, when valid and the
 * lab's view is on screen, written to the URL.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ExperimentConfigInput } from '../../../engine/experiment/config';
import { useCatalog } from '../../app/catalog-context';
import { useOnScreenView } from '../../app/view-nav';
import type { Catalog } from '../../catalog/catalog';
import { defaultConfig } from '../presets/preset-list';
import { readConfigHash, type HashRead } from '../url-state/url-config';
import { useUrlConfig } from '../url-state/use-url-config';
import { configToForm, type ConfigForm } from './form-model';
import { formToConfig, type FieldErrors } from './form-to-config';
import { validateConfig } from './validate';

export interface ConfigFormValue {
  readonly form: ConfigForm;
  readonly update: (change: (form: ConfigForm) => ConfigForm) => void;
  readonly loadConfig: (config: ExperimentConfigInput) => void;
  /** How many setups were loaded into the form (presets, "Use this setup", "Try this"): the folded setup opens on a load. */
  readonly loads: number;
  /** The assembled config (what Start sends), and every problem by config path. */
  readonly config: ExperimentConfigInput;
  readonly errors: FieldErrors;
  readonly valid: boolean;
  /** Why the link's configuration was not loaded, if it was not. */
  readonly linkProblem?: string;
  readonly dismissLinkProblem: () => void;
}

const ConfigFormContext = createContext<ConfigFormValue | null>(null);

const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function initialSetup(catalog: Catalog, hash: string, fallback: ExperimentConfigInput): { form: ConfigForm; problem?: string } {
  const read = readConfigHash(hash, catalog.parseExperiment);
  if (read.kind === 'ok') return { form: configToForm(catalog.optimizerSpecs, read.config) };
  const form = configToForm(catalog.optimizerSpecs, fallback);
  return read.kind === 'error' ? { form, problem: `${sentence(read.message)} The default setup is shown instead.` } : { form };
}

export function ConfigFormProvider({ children, initialConfig }: { children: ReactNode; initialConfig?: ExperimentConfigInput }) {
  const catalog = useCatalog();
  const [initial] = useState(() => initialSetup(catalog, typeof window === 'undefined' ? '' : window.location.hash, initialConfig ?? defaultConfig()));
  const [form, setForm] = useState(initial.form);
  const [linkProblem, setLinkProblem] = useState(initial.problem);
  const [loads, setLoads] = useState(0);

  const { config, errors } = useMemo(() => {
    const assembled = formToConfig(catalog.optimizerSpecs, form);
    return { config: assembled.config, errors: validateConfig(catalog, assembled.config, assembled.errors) };
  }, [catalog, form]);
  const valid = Object.keys(errors).length === 0;

  const loadConfig = useCallback(
    (next: ExperimentConfigInput) => {
      setForm(configToForm(catalog.optimizerSpecs, next));
      setLinkProblem(undefined);
      setLoads((n) => n + 1);
    },
    [catalog],
  );
  const onLink = useCallback(
    (read: HashRead) => {
      if (read.kind === 'ok') loadConfig(read.config);
      else if (read.kind === 'error') setLinkProblem(`${sentence(read.message)} The setup was left as it was.`);
    },
    [loadConfig],
  );
  // The URL carries the setup of the view on screen: the race's, the sweep's, or this one.
  const onScreen = useOnScreenView() === 'compare';
  useUrlConfig(config, valid && onScreen, catalog.parseExperiment, onLink);

  const value = useMemo<ConfigFormValue>(
    () => ({
      form,
      update: (change) => setForm((current) => change(current)),
      loadConfig,
      loads,
      config,
      errors,
      valid,
      linkProblem,
      dismissLinkProblem: () => setLinkProblem(undefined),
    }),
    [form, loadConfig, loads, config, errors, valid, linkProblem],
  );
  return <ConfigFormContext.Provider value={value}>{children}</ConfigFormContext.Provider>;
}

export function useConfigForm(): ConfigFormValue {
  const value = useContext(ConfigFormContext);
  if (!value) throw new Error('useConfigForm needs a <ConfigFormProvider> above it');
  return value;
}
