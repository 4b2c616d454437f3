import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../data/types';
import { ConfigError, assert } from '../../lib/errors';
import { createRng, hashSeed } from '../../lib/rng';
import type { VaeOptions } from './catalog';
import { LayerStack, type LayerSummary } from './layer-stack';
import type { LayerSpec, Shape } from './layers/types';
import { realRows } from './real-rows';
import type { ForwardContext, LossOutput, TrainableModel } from './types';
import { vaeLayout } from './vae-layout';
import { getWeights, setWeights } from './weights';

/**
 * The seed of the reparameterisation noise eps ~ N(0, I) for a step's noise seed. Never
 * 0: tfjs's Gaussian sampler takes seed 0 as "no seed" and would draw from Math.random.
 */
export function samplingSeed(noiseSeed: number): number {
  return hashSeed(noiseSeed, 'vae-sampling') || 1;
}

let vaeCounter = 0;
const noStateUpdates = (): void => undefined;
const inference: ForwardContext = { training: false, noiseSeed: 0 };
/**
 * A convolutional variational autoencoder (E1's VAE1 and VAE2; layers in ./vae-layout),
 * as four stacks of our own layers: encoder, z_mean, z_log_var, decoder.
 *
 * For an image x (pixels in [0, 1], the target is x itself):
 *   h = encoder(x);  mu = z_mean(h);  lv = z_log_var(h)
 *   z = mu + exp(lv / 2) * eps,  eps ~ N(0, I)            (the reparameterisation trick)
 *   x' = decoder(z)
 *   reconstruction = sum over pixels of (x - x')^2
 *   kl = -1/2 * sum_j (1 + lv_j - mu_j^2 - exp(lv_j))      (KL(N(mu, exp(lv)) || N(0, I)) >= 0)
 * `loss(batch)` is the mean over the batch's real rows of reconstruction + kl, plus any
 * L2 penalty; metrics `lossSum`, `reconstruction` and `kl` are summed over real rows.
 *
 * eps comes from `samplingSeed(ctx.noiseSeed)`: tfjs draws it in JS from that seed, so it
 * is the same on every backend and for every run of a comparison at a step, and new at
 * each step. Evaluation samples too (as Keras's Sampling layer does in evaluate()), with
 * the fixed inference seed, so a validation loss estimates the same quantity as the
 * training loss and is reproducible.
 */
export class VaeModel implements TrainableModel {
  readonly name = 'vae';
  readonly task = 'generative' as const;
  readonly modelId: string;
  readonly seed: number;
  readonly inputShape: Shape;
  readonly outputShape: Shape;
  readonly latentDim: number;
  readonly trainableVariables: readonly tf.Variable[];
  readonly allVariables: readonly tf.Variable[];
  private readonly encoder: LayerStack;
  private readonly zMean: LayerStack;
  private readonly zLogVar: LayerStack;
  private readonly decoder: LayerStack;

  constructor(options: VaeOptions) {
    if (!Number.isFinite(options.seed)) throw new ConfigError('bad-model', 'a finite seed', String(options.seed), 'seed');
    const layout = vaeLayout(options);
    this.seed = options.seed;
    this.modelId = options.modelId ?? `vae-${++vaeCounter}`;
    this.latentDim = layout.latentDim;
    const rng = createRng(options.seed);
    const built: LayerStack[] = [];
    let offset = 0;
    // Layer indices run on across the stacks, so names and noise seeds never collide.
    const stack = (part: string, specs: readonly LayerSpec[], input: Shape): LayerStack => {
      const s = new LayerStack(specs, input, {
        scope: `${this.modelId}/${part}`,
        rng: rng.fork(part),
        indexOffset: offset,
        where: part,
        ...(options.kernelInitializer ? { kernelInitializer: options.kernelInitializer } : {}),
      });
      built.push(s);
      offset += specs.length;
      return s;
    };
    try {
      this.encoder = stack('encoder', layout.encoder, layout.inputShape);
      this.zMean = stack('z_mean', [layout.zMean], this.encoder.outputShape);
      this.zLogVar = stack('z_log_var', [layout.zLogVar], this.encoder.outputShape);
      this.decoder = stack('decoder', layout.decoder, [layout.latentDim]);
    } catch (error) {
      built.forEach((s) => s.dispose());
      throw error;
    }
    assert(
      this.decoder.outputShape.every((d, i) => d === layout.inputShape[i]),
      `the vae decoder gives [${this.decoder.outputShape.join(', ')}] for input [${layout.inputShape.join(', ')}]`,
    );
    this.inputShape = layout.inputShape;
    this.outputShape = this.decoder.outputShape;
    // Keras's order: the encoder model's weights (z_mean and z_log_var included), then the decoder's.
    this.trainableVariables = built.flatMap((s) => s.trainableVariables);
    this.allVariables = built.flatMap((s) => s.allVariables);
  }

  /** z_mean and z_log_var [B, latent] for images [B, h, w, c]. Caller disposes both. */
  encode(x: tf.Tensor): { mean: tf.Tensor2D; logVar: tf.Tensor2D } {
    return tf.tidy(() => {
      const h = this.encoder.apply(x, inference, noStateUpdates);
      return {
        mean: this.zMean.apply(h, inference, noStateUpdates) as tf.Tensor2D,
        logVar: this.zLogVar.apply(h, inference, noStateUpdates) as tf.Tensor2D,
      };
    });
  }

  /** Images [B, h, w, c] in [0, 1] for latent vectors z [B, latent]. Caller disposes. */
  decode(z: tf.Tensor): tf.Tensor4D {
    return tf.tidy(() => this.decoder.apply(z, inference, noStateUpdates) as tf.Tensor4D);
  }

  /** The reconstruction of x through z_mean (no sampling): what a gallery shows. Caller disposes. */
  predict(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => this.decode(this.encode(x).mean));
  }

  loss(batch: Batch, ctx: ForwardContext): LossOutput {
    const rows = batch.x.shape[0] ?? 0;
    assert(
      Number.isInteger(batch.size) && batch.size >= 1 && batch.size <= rows,
      `batch.size ${batch.size} must be an integer in [1, ${rows}]`,
    );
    return tf.tidy(() => {
      const x = batch.x;
      const h = this.encoder.apply(x, ctx, noStateUpdates);
      const mean = this.zMean.apply(h, ctx, noStateUpdates);
      const logVar = this.zLogVar.apply(h, ctx, noStateUpdates);
      const eps = tf.randomNormal(mean.shape, 0, 1, 'float32', samplingSeed(ctx.noiseSeed));
      const z = tf.add(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), eps));
      const decoded = this.decoder.apply(z, ctx, noStateUpdates);
      const reconstructionRows = tf.sum(tf.squaredDifference(x, decoded), [1, 2, 3]) as tf.Tensor1D;
      const klTerms = tf.sub(tf.sub(tf.add(1, logVar), tf.square(mean)), tf.exp(logVar));
      const klRows = tf.mul(-0.5, tf.sum(klTerms, 1)) as tf.Tensor1D;
      const real = realRows(rows, batch.size);
      const reconstruction = real(reconstructionRows);
      const kl = real(klRows);
      const lossSum = tf.add(reconstruction, kl) as tf.Scalar;
      const meanLoss = tf.div(lossSum, batch.size) as tf.Scalar;
      const penalty = this.penaltyTerm();
      const loss = penalty ? (tf.add(meanLoss, penalty) as tf.Scalar) : meanLoss;
      return { loss, metrics: { lossSum, reconstruction, kl } };
    });
  }

  /** No BatchNorm, nothing to update after a step. */
  applyStateUpdates(): void {}

  countParams(): { trainable: number; nonTrainable: number } {
    return this.stacks().reduce(
      (sum, s) => {
        const count = s.countParams();
        return { trainable: sum.trainable + count.trainable, nonTrainable: sum.nonTrainable + count.nonTrainable };
      },
      { trainable: 0, nonTrainable: 0 },
    );
  }

  /** Keras-like summary rows, encoder first, names prefixed by their part. */
  summary(): LayerSummary[] {
    const parts = ['encoder', 'z_mean', 'z_log_var', 'decoder'];
    return this.stacks().flatMap((s, i) => s.summary().map((row) => ({ ...row, name: `${parts[i]}/${row.name}` })));
  }

  getWeights(): tf.Tensor[] {
    return getWeights(this);
  }

  setWeights(weights: readonly tf.Tensor[]): void {
    setWeights(this, weights);
  }

  get isDisposed(): boolean {
    return this.encoder.isDisposed;
  }

  dispose(): void {
    this.stacks().forEach((s) => s.dispose());
  }

  private stacks(): LayerStack[] {
    return [this.encoder, this.zMean, this.zLogVar, this.decoder];
  }

  private penaltyTerm(): tf.Scalar | undefined {
    const terms = this.stacks().flatMap((s) => {
      const p = s.penalty();
      return p ? [p] : [];
    });
    return terms.length === 0 ? undefined : (tf.addN(terms) as tf.Scalar);
  }
}
