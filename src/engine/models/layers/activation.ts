import { activations } from '../activations';
import type { ActivationSpec, BuiltLayer, LayerKind } from './types';
import { activation as checkActivation } from './util';

/** A bare activation function as its own layer (Keras Activation). */
export const activation: LayerKind<ActivationSpec> = {
  randomInit: false,
  build(inputShape, spec, ctx): BuiltLayer {
    const name = checkActivation(spec.activation, `${ctx.where}.activation`);
    return {
      kind: 'activation',
      name: `${ctx.layerIndex}_activation`,
      index: ctx.layerIndex,
      inputShape,
      outputShape: inputShape,
      trainable: [],
      state: [],
      penalties: [],
      apply: (x) => activations[name](x),
    };
  },
};
