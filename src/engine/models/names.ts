/**
 * The names of the activations and the weight initialisers (Keras names), as plain data
 * without their implementations: what configs are validated against and what a UI
 * lists. No tfjs here (tests/unit/tfjs-free-modules.test.ts checks); the functions
 * themselves are in `./activations` (tfjs) and `./initializers` (plain JavaScript),
 * each keyed by exactly these names, in this order.
 */

const ACTIVATION_NAMES = ['linear', 'relu', 'tanh', 'sigmoid', 'elu', 'selu', 'softplus', 'softmax'] as const;

export type ActivationName = (typeof ACTIVATION_NAMES)[number];

export const activationNames: ActivationName[] = [...ACTIVATION_NAMES];

export function isActivationName(name: string): name is ActivationName {
  return (ACTIVATION_NAMES as readonly string[]).includes(name);
}

const INITIALIZER_NAMES = [
  'glorot_uniform',
  'glorot_normal',
  'he_uniform',
  'he_normal',
  'lecun_uniform',
  'lecun_normal',
  'zeros',
  'ones',
] as const;

export type InitializerName = (typeof INITIALIZER_NAMES)[number];

export const initializerNames: InitializerName[] = [...INITIALIZER_NAMES];

/** Keras's default for Dense and Conv kernels (tfjs-layers' default, glorotNormal, differs). */
export const DEFAULT_KERNEL_INITIALIZER: InitializerName = 'glorot_uniform';

export function isInitializerName(name: string): name is InitializerName {
  return (INITIALIZER_NAMES as readonly string[]).includes(name);
}
