/** The architecture (with what it is) and the model options every run shares. */
import { SelectField, TextField } from '../../components/field';
import { Fold } from '../../components/fold';
import { useCatalog } from '../../app/catalog-context';
import { useConfigForm } from './config-form-context';
import type { ConfigForm, DropoutForm, TriState } from './form-model';
import { VaeFields } from './vae-fields';

type ModelForm = ConfigForm['model'];

const BATCH_NORM: readonly { value: TriState; label: string }[] = [
  { value: '', label: 'architecture default' },
  { value: 'on', label: 'on, after each hidden dense layer' },
  { value: 'off', label: 'off' },
];

export function ModelSettings() {
  const { architectureNames, architectureInfo, activationNames, initializerNames } = useCatalog();
  const { form, errors, update } = useConfigForm();
  const m = form.model;
  const set = (patch: Partial<ModelForm>) => update((f) => ({ ...f, model: { ...f.model, ...patch } }));
  const setDropout = (patch: Partial<DropoutForm>) => set({ dropout: { ...m.dropout, ...patch } });
  const info = architectureInfo[form.architecture as keyof typeof architectureInfo];
  const layered = form.architecture === 'mlp' || form.architecture === 'dense';
  const vae = form.architecture === 'vae';
  const sitesSet = Boolean(m.dropout.input || m.dropout.conv || m.dropout.hidden || m.dropout.scale);
  const sitesError = ['input', 'conv', 'hidden', 'scale'].some((site) => errors[`model.dropout.${site}`]);
  return (
    <section aria-labelledby="model-heading" className="subsection">
      <h3 id="model-heading">Model</h3>
      <div className="field-grid">
        <SelectField
          path="architecture"
          label="Architecture"
          value={form.architecture}
          options={architectureNames.map((name) => ({ value: name, label: `${architectureInfo[name].label} (${name})` }))}
          onChange={(architecture) => update((f) => ({ ...f, architecture }))}
          error={errors.architecture}
        />
        {vae ? (
          <VaeFields value={m.vae} errors={errors} onChange={(patch) => set({ vae: { ...m.vae, ...patch } })} />
        ) : (
          <TextField
            path="model.dropout"
            label="Dropout"
            value={m.dropout.rate}
            placeholder="architecture default"
            onChange={(rate) => setDropout({ rate })}
            error={errors['model.dropout']}
            help="One rate in [0, 1) where the architecture has dropout; 0 turns it off."
          />
        )}
        <TextField path="model.l2" label="L2" value={m.l2} placeholder="0" onChange={(l2) => set({ l2 })} error={errors['model.l2']} help="Kernel penalty l2·Σw² on hidden layers (Keras's 'l2' is 0.01)." />
        {!vae && <SelectField path="model.batchNorm" label="Batch normalisation" value={m.batchNorm} options={BATCH_NORM} onChange={(batchNorm) => set({ batchNorm })} />}
        {layered && (
          <>
            <TextField path="model.hiddenUnits" label="Hidden units" inputMode="text" value={m.hiddenUnits} placeholder="default" onChange={(hiddenUnits) => set({ hiddenUnits })} error={errors['model.hiddenUnits']} help="Layer sizes, e.g. 256, 128." />
            <SelectField
              path="model.activation"
              label="Activation"
              value={m.activation}
              options={[{ value: '', label: 'default (relu)' }, ...activationNames.map((name) => ({ value: name, label: name }))]}
              onChange={(activation) => set({ activation })}
              error={errors['model.activation']}
            />
          </>
        )}
      </div>
      {info && (
        <p className="field-help architecture-info">
          {info.description} <code>{info.layers}</code>
        </p>
      )}
      <Fold summary="Advanced: dropout per site, kernel initializer" open={sitesSet || sitesError || m.kernelInitializer !== ''}>
        <div className="field-grid">
          {(['input', 'conv', 'hidden', 'scale'] as const).map((site) => (
            <TextField
              key={site}
              path={`model.dropout.${site}`}
              label={site === 'scale' ? 'Dropout scale' : `Dropout (${site})`}
              value={m.dropout[site]}
              placeholder="default"
              onChange={(value) => setDropout({ [site]: value })}
              error={errors[`model.dropout.${site}`]}
            />
          ))}
          <SelectField
            path="model.kernelInitializer"
            label="Kernel initializer"
            value={m.kernelInitializer}
            options={[{ value: '', label: 'architecture default' }, ...initializerNames.map((name) => ({ value: name, label: name }))]}
            onChange={(kernelInitializer) => set({ kernelInitializer })}
          />
        </div>
      </Fold>
    </section>
  );
}
