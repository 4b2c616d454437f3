/**
 * The lab's engine: pure TypeScript plus tfjs, the same in Node (tests, CLI, benchmarks)
 * and in a Web Worker. It never touches the DOM, React or IndexedDB; it reports through
 * callbacks and return values.
 *
 *   import { architectures, optimizers, runExperiment, readFashionMnist } from './engine';
 *   const adam = optimizers.adam({ learning_rate: 0.01 });
 */
export * from './data';
export {
  architectures,
  architectureInfo,
  architectureNames,
  buildModel,
  isArchitectureName,
  SequentialModel,
  type ArchitectureName,
  type ArchitectureOptionsMap,
  type ModelSpec,
  type TrainableModel,
  type ForwardContext,
  type LossOutput,
} from './models';
export * from './optimizers';
export * from './training';
export * from './metrics';
export * from './experiment';
