/**
 * Setting up a comparison: Start first (kept in view while the form scrolls), then
 * preset, name, data, model, training and optimizers, each section foldable.
 */
import { DismissibleAlert } from '../../components/dismissible-alert';
import { TextField } from '../../components/field';
import { ComparisonRunList } from '../optimizer-editor/run-list';
import { PresetPicker } from '../presets/preset-picker';
import { useConfigForm } from './config-form-context';
import { DatasetSettings } from './dataset-settings';
import { ModelSettings } from './model-settings';
import { SetupSection } from './setup-section';
import { SETUP_PANEL_ID } from './setup-summary';
import { StartBar } from './start-bar';
import { TrainingSettings } from './training-settings';

export function ConfigPanel() {
  const { form, errors, update, linkProblem, dismissLinkProblem } = useConfigForm();
  return (
    <section aria-labelledby="setup-heading" className="panel config-panel" id={SETUP_PANEL_ID}>
      <h2 id="setup-heading">Set up a comparison</h2>
      <StartBar />
      {linkProblem && <DismissibleAlert text={linkProblem} onDismiss={dismissLinkProblem} />}
      <PresetPicker />
      <TextField path="name" label="Name" inputMode="text" value={form.name} onChange={(name) => update((f) => ({ ...f, name }))} error={errors.name} />
      <SetupSection title="Data" errors={errors} paths={['dataset.']}>
        <DatasetSettings />
      </SetupSection>
      <SetupSection title="Model" errors={errors} paths={['architecture', 'model.']}>
        <ModelSettings />
      </SetupSection>
      <SetupSection title="Training" errors={errors} paths={['training.']}>
        <TrainingSettings />
      </SetupSection>
      <SetupSection title="Optimizers" errors={errors} paths={['runs']}>
        <ComparisonRunList />
      </SetupSection>
    </section>
  );
}
