/**
 * Models: small functional networks (our own tf.Variables + tf ops, no tfjs-layers) with
 * Keras's initialisers and defaults, seeded initial weights identical on every backend,
 * and per-step seeded dropout masks shared by every run of a comparison.
 */
export type { ForwardContext, LossOutput, TrainableModel } from './types';
export {
  initializers,
  initializerNames,
  isInitializerName,
  computeFans,
  DEFAULT_KERNEL_INITIALIZER,
  TRUNCATED_NORMAL_STD_OF_UNIT,
} from './initializers';
export type { Fans, Initializer, InitializerName } from './initializers';
export { activations, activationNames, isActivationName } from './activations';
export type { ActivationName } from './activations';
export { layerKinds, layerKindNames, BATCH_NORM_DEFAULTS, dropoutSeed } from './layers';
export type {
  ActivationSpec,
  BatchNormSpec,
  BuiltLayer,
  Conv2dSpec,
  Conv2dTransposeSpec,
  DenseSpec,
  DropoutSpec,
  FlattenSpec,
  LayerApplyContext,
  LayerBuildContext,
  LayerKind,
  LayerKindName,
  LayerSpec,
  MaxPool2dSpec,
  Padding,
  Penalty,
  ReshapeSpec,
  Shape,
  Size2d,
} from './layers';
export { LayerStack } from './layer-stack';
export type { LayerStackOptions, LayerSummary, StateUpdate } from './layer-stack';
export { SequentialModel, createSequentialModel } from './sequential';
export type { SequentialModelOptions, SupervisedTask } from './sequential';
export { getWeights, setWeights } from './weights';
export { VaeModel, samplingSeed } from './vae';
export { vaeLayout } from './vae-layout';
export { createVaeGalleryMaker, walkValues } from './vae-gallery';
export type { ImageGrid, VaeGallery, VaeGalleryMaker, VaeGalleryOptions } from './vae-gallery';
export type { VaeLayout } from './vae-layout';
export { VAE_MODELS, VAE_DEFAULTS, resolveVaeShape } from './vae-catalog';
export type { VaeModelName, VaeShapeOptions } from './vae-catalog';
export type { HasVariables } from './weights';
export {
  architectures,
  architectureSpecs,
  architectureNames,
  architectureInfo,
  buildModel,
  isArchitectureName,
} from './architectures';
export type {
  ArchitectureInfo,
  ArchitectureName,
  ArchitectureOptionsMap,
  ClassifierOptions,
  DenseNetOptions,
  DropoutOption,
  DropoutRates,
  MlpOptions,
  ModelOptionsBase,
  ModelSpec,
  VaeOptions,
  ArchitectureModelMap,
  SequentialArchitectureName,
} from './architectures';
