/**
 * The convolutional VAE as plain data (no tfjs): its options, the two models of the
 * reference experiment E1 (VAE1, VAE2), and the fixed parts of its layout. The builder
 * is in `./vae`; the layer list in `./vae-layout`.
 */

/** The options that decide a VAE's shape; every field has VAE1's value by default. */
export interface VaeShapeOptions {
  /** Filters of the encoder's two strided convolutions; the decoder mirrors them. Default [16, 32]. */
  readonly filters?: readonly [number, number];
  /** Kernel size of every convolution (encoder, decoder, output). Default 3. */
  readonly kernelSize?: number;
  /** Size of the latent space: z_mean, z_log_var and z. Default 5. */
  readonly latentDim?: number;
}

export type VaeModelName = 'vae1' | 'vae2';

/**
 * E1's two VAEs (shared/spec/reference-experiments.md): VAE1 has half VAE2's filters,
 * latent size 5 and kernel 3; VAE2 filters 32 and 64, latent size 10, kernel 5.
 */
export const VAE_MODELS: { readonly [K in VaeModelName]: Required<VaeShapeOptions> } = {
  vae1: { filters: [16, 32], kernelSize: 3, latentDim: 5 },
  vae2: { filters: [32, 64], kernelSize: 5, latentDim: 10 },
};

export const VAE_DEFAULTS: Required<VaeShapeOptions> = VAE_MODELS.vae1;

/** The encoder's hidden Dense(16, relu) before z_mean and z_log_var, as in the Keras VAE example. */
export const VAE_ENCODER_UNITS = 16;

/** Each encoder convolution halves height and width (strides 2, "same" padding). */
export const VAE_DOWNSAMPLING = 4;

/** The VAE's options resolved against VAE1's defaults. */
export function resolveVaeShape(options: VaeShapeOptions): Required<VaeShapeOptions> {
  return {
    filters: options.filters ?? VAE_DEFAULTS.filters,
    kernelSize: options.kernelSize ?? VAE_DEFAULTS.kernelSize,
    latentDim: options.latentDim ?? VAE_DEFAULTS.latentDim,
  };
}

/** 'VAE1' or 'VAE2' when the options are exactly one of E1's models, else undefined. */
export function vaeModelName(options: VaeShapeOptions): VaeModelName | undefined {
  const shape = resolveVaeShape(options);
  return (Object.keys(VAE_MODELS) as VaeModelName[]).find((name) => {
    const model = VAE_MODELS[name];
    return (
      model.kernelSize === shape.kernelSize &&
      model.latentDim === shape.latentDim &&
      model.filters[0] === shape.filters[0] &&
      model.filters[1] === shape.filters[1]
    );
  });
}
