/** The dataset, how much of it, and what the runs are validated on. */
import type { DatasetName } from '../../../engine/experiment/config';
import { SelectField, TextField } from '../../components/field';
import { useCatalog } from '../../app/catalog-context';
import { DATASETS } from '../datasets/dataset-info';
import { DatasetStatus } from '../datasets/dataset-status';
import { scalingForDataset } from '../datasets/scaling-choices';
import { useConfigForm } from './config-form-context';
import type { ConfigForm } from './form-model';

type DatasetForm = ConfigForm['dataset'];

const VALIDATION: readonly { value: DatasetForm['validation']; label: string }[] = [
  { value: 'test', label: 'the test set, every epoch (as the reference experiments)' },
  { value: 'split', label: 'a split of the training set' },
  { value: 'none', label: 'none' },
];

export function DatasetSettings() {
  const { datasetNames } = useCatalog();
  const { form, errors, update } = useConfigForm();
  const d = form.dataset;
  const set = (patch: Partial<DatasetForm>) => update((f) => ({ ...f, dataset: { ...f.dataset, ...patch } }));
  const synthetic = DATASETS[d.name].synthetic;
  return (
    <section aria-labelledby="dataset-heading" className="subsection">
      <h3 id="dataset-heading">Data</h3>
      <div className="field-grid">
        <SelectField<DatasetName>
          path="dataset.name"
          label="Dataset"
          value={d.name}
          options={datasetNames.map((value) => ({ value, label: DATASETS[value].label }))}
          onChange={(name) =>
            update((f) => ({ ...f, dataset: { ...f.dataset, name }, training: { ...f.training, scaling: scalingForDataset({ from: f.dataset.name, to: name, scaling: f.training.scaling }) } }))
          }
          error={errors['dataset.name']}
        />
        {synthetic && (
          <TextField path="dataset.count" label="Points to generate" inputMode="numeric" value={d.count} placeholder="default" onChange={(count) => set({ count })} error={errors['dataset.count']} />
        )}
        <TextField
          path="dataset.subset"
          label="Training subset"
          inputMode="numeric"
          value={d.subset}
          placeholder="all"
          onChange={(subset) => set({ subset })}
          error={errors['dataset.subset']}
          help="Train on this many samples (seeded); empty for all."
        />
        <SelectField path="dataset.validation.kind" label="Validate on" value={d.validation} options={VALIDATION} onChange={(validation) => set({ validation })} />
        {d.validation === 'split' && (
          <TextField
            path="dataset.validation"
            label="Validation size"
            value={d.validationSize}
            onChange={(validationSize) => set({ validationSize })}
            error={errors['dataset.validation']}
            help="A fraction such as 0.2, or a count such as 12000."
          />
        )}
        <TextField
          path="dataset.testSubset"
          label="Test subset"
          inputMode="numeric"
          value={d.testSubset}
          placeholder="all"
          onChange={(testSubset) => set({ testSubset })}
          error={errors['dataset.testSubset']}
          help="Evaluate on this many test samples; empty for all."
        />
      </div>
      <DatasetStatus name={d.name} />
    </section>
  );
}
