/** Setting up a comparison: preset, name, data, model, training, optimizers, start. */
import { TextField } from '../../components/field';
import { LinkProblem } from '../../components/problem-list';
import { RunList } from '../optimizer-editor/run-list';
import { PresetPicker } from '../presets/preset-picker';
import { useConfigForm } from './config-form-context';
import { DatasetSettings } from './dataset-settings';
import { ModelSettings } from './model-settings';
import { StartBar } from './start-bar';
import { TrainingSettings } from './training-settings';

export function ConfigPanel() {
  const { form, errors, update, linkProblem, dismissLinkProblem } = useConfigForm();
  return (
    <section aria-labelledby="setup-heading" className="panel config-panel">
      <h2 id="setup-heading">Set up a comparison</h2>
      <LinkProblem text={linkProblem} onDismiss={dismissLinkProblem} />
      <PresetPicker />
      <TextField path="name" label="Name" inputMode="text" value={form.name} onChange={(name) => update((f) => ({ ...f, name }))} error={errors.name} />
      <DatasetSettings />
      <ModelSettings />
      <TrainingSettings />
      <RunList />
      <StartBar />
    </section>
  );
}
