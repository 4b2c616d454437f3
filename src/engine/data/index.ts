/** The data layer's public API: readers, verification, downloads, splits and batches. */
export type {
  Batch,
  ChannelStats,
  Dataset,
  DownloadProgress,
  FileSource,
  InputScaling,
  TrainTestSplit,
} from './types';
export { gunzip, isGzip, maybeGunzip } from './gzip';
export { readTar } from './tar';
export {
  IDX_IMAGES_MAGIC,
  IDX_LABELS_MAGIC,
  checkLabels,
  checkSameCount,
  parseIdxImages,
  parseIdxLabels,
  type IdxImages,
  type IdxLabels,
} from './idx';
export {
  createHasher,
  digestHex,
  md5Hex,
  sha256Hex,
  verifyDigest,
  type HashAlgorithm,
  type IncrementalHasher,
} from './hash';
export {
  FASHION_MNIST_CLASS_NAMES,
  FASHION_MNIST_FACTS,
  FASHION_MNIST_FILES,
  FASHION_MNIST_FILE_KEYS,
  FASHION_MNIST_GZ_FILES,
  FASHION_MNIST_MIRRORS,
  fashionMnistUrls,
  parseFashionMnistFiles,
  readFashionMnist,
  verifyFashionMnistFile,
  type FashionMnistFacts,
  type FashionMnistFileKey,
  type FashionMnistFiles,
  type FashionMnistOptions,
  type FileFacts,
} from './fashion-mnist';
export {
  CIFAR10_ARCHIVE_MD5,
  CIFAR10_ARCHIVE_NAME,
  CIFAR10_CLASS_NAMES,
  CIFAR10_FACTS,
  CIFAR10_FOLDER,
  CIFAR10_META_FILE,
  CIFAR10_RECORD_BYTES,
  CIFAR10_TEST_BATCH,
  CIFAR10_URL,
  cifar10TrainBatchNames,
  parseCifar10Batches,
  readCifar10Archive,
  readCifar10Batches,
  type Cifar10Facts,
  type Cifar10Options,
} from './cifar10';
export {
  REAL_DATASET_NAMES,
  loadDataset,
  type LoadDatasetOptions,
  type RealDatasetName,
} from './load-dataset';
export {
  downloadCifar10,
  downloadFashionMnist,
  downloadFile,
  type Cifar10DownloadOptions,
  type DownloadFileOptions,
  type DownloadResult,
  type DownloadSink,
  type FashionMnistDownloadOptions,
} from './download';
export { computeChannelStats, selectRows, splitTrainValidation, takeSubset, type ValidationSplitOptions } from './split';
export { inputScalers, scaleInputs, type InputScaler } from './scaling';
export { Batcher, evaluationBatches, type BatcherOptions } from './batcher';
export { makeProdRegression, makeSpiral, PROD_INPUT_SCALE, type ProdOptions, type SpiralOptions } from './synthetic';
export { channelCount, inputSize, targetSize } from './dataset-shape';
