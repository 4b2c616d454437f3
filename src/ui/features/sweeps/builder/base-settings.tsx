/**
 * The comparison every trial starts from: shown as one line, taken from the Compare
 * tab's setup (its first run is the template), or edited there; epochs, batch size and
 * the data's size are here, since those are what a student trims to make a sweep quick.
 */
import { TextField } from '../../../components/field';
import { useLabView } from '../../../app/lab-view-context';
import { useConfigForm } from '../../config/config-form-context';
import { DATASETS } from '../../datasets/dataset-info';
import type { ExperimentConfigInput } from '../../../../engine/experiment/config';
import { baseFields } from './sweep-form';
import { useSweepForm } from './sweep-form-context';

function describeBase(base: ExperimentConfigInput): string {
  const model = base.model ?? {};
  const layers = model.hiddenUnits ? ` [${model.hiddenUnits.join(', ')}]${model.activation ? ` ${model.activation}` : ''}` : '';
  const template = base.runs[0]?.optimizer as { name?: string; hyperparameters?: { learning_rate?: unknown } } | undefined;
  const lr = typeof template?.hyperparameters?.learning_rate === 'number' ? ` lr ${template.hyperparameters.learning_rate}` : '';
  const validation = base.dataset.validation === undefined ? 'no validation' : base.dataset.validation === 'test' ? 'validated on the test set' : `validation ${base.dataset.validation}`;
  return `${DATASETS[base.dataset.name].label} · ${base.architecture}${layers} · template run: ${template?.name ?? '?'}${lr} · ${validation} · seed ${base.training.seed ?? 1}`;
}

export function BaseSettings() {
  const { form, errors, update, config } = useSweepForm();
  const compare = useConfigForm();
  const { setView } = useLabView();
  const synthetic = DATASETS[form.base.dataset.name].synthetic;
  const set = (patch: Partial<typeof form>) => update((f) => ({ ...f, ...patch }));
  // What varies and the stop rule stay; the rest comes from the setup, its first run the template.
  const takeCompareSetup = () => update((f) => ({ ...f, ...baseFields({ ...compare.config, runs: compare.config.runs.slice(0, 1) }) }));
  return (
    <section aria-labelledby="base-heading" className="subsection">
      <h3 id="base-heading">Base comparison</h3>
      <p className="field-help" id="sweep-base-summary">
        {describeBase(form.base)}
      </p>
      {errors.base && <p className="field-error">{errors.base}</p>}
      <div className="controls">
        <button type="button" className="small" onClick={takeCompareSetup} disabled={!compare.valid} title={compare.valid ? undefined : 'The Compare tab’s setup has problems to fix first.'}>
          Take the Compare tab’s setup
        </button>
        <button
          type="button"
          className="small"
          onClick={() => {
            compare.loadConfig(config.base as unknown as ExperimentConfigInput);
            setView('compare');
          }}
        >
          Edit it on the Compare tab
        </button>
      </div>
      <div className="field-grid">
        <TextField path="base.training.epochs" label="Epochs per trial" inputMode="numeric" value={form.epochs} onChange={(epochs) => set({ epochs })} error={errors['base.training.epochs']} />
        <TextField path="base.training.batchSize" label="Batch size" inputMode="numeric" value={form.batchSize} onChange={(batchSize) => set({ batchSize })} error={errors['base.training.batchSize']} help="Unless the sweep varies it." />
        <TextField
          path={synthetic ? 'base.dataset.count' : 'base.dataset.subset'}
          label={synthetic ? 'Points to generate' : 'Training subset'}
          inputMode="numeric"
          value={form.size}
          placeholder={synthetic ? 'default' : 'all'}
          onChange={(size) => set({ size })}
          error={errors[synthetic ? 'base.dataset.count' : 'base.dataset.subset']}
        />
      </div>
    </section>
  );
}
