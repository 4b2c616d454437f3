/** The convolutional VAE's shape: its two filter counts, kernel size and latent size (E1's VAE1 and VAE2 one click away). */
import { TextField } from '../../components/field';
import type { FieldErrors } from './form-to-config';
import type { VaeForm } from './form-model';

const MODELS: readonly { label: string; form: VaeForm }[] = [
  { label: 'VAE1', form: { filters: '16, 32', kernelSize: '3', latentDim: '5' } },
  { label: 'VAE2', form: { filters: '32, 64', kernelSize: '5', latentDim: '10' } },
];

export function VaeFields({ value, errors, onChange }: { value: VaeForm; errors: FieldErrors; onChange: (patch: Partial<VaeForm>) => void }) {
  return (
    <>
      <TextField path="model.filters" label="Filters" inputMode="text" value={value.filters} placeholder="16, 32" onChange={(filters) => onChange({ filters })} error={errors['model.filters']} help="The encoder's two convolutions; the decoder mirrors them." />
      <TextField path="model.kernelSize" label="Kernel size" value={value.kernelSize} placeholder="3" onChange={(kernelSize) => onChange({ kernelSize })} error={errors['model.kernelSize']} />
      <TextField path="model.latentDim" label="Latent size" value={value.latentDim} placeholder="5" onChange={(latentDim) => onChange({ latentDim })} error={errors['model.latentDim']} help="Dimensions of z: one row each in the latent walk." />
      <div className="field">
        <span className="field-help">E1&rsquo;s models:</span>
        <span>
          {MODELS.map(({ label, form }) => (
            <button key={label} type="button" className="small" onClick={() => onChange(form)}>
              {label}
            </button>
          ))}
        </span>
      </div>
    </>
  );
}
