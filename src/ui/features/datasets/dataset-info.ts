/** What the UI says about each dataset, and its progress numbers. Pure. */
import type { DownloadProgress } from '../../../engine/data/types';
import type { DatasetName } from '../../../engine/experiment/config';

export interface DatasetInfo {
  readonly label: string;
  readonly synthetic: boolean;
  readonly about: string;
  /** The official files a person may pick or drop instead of downloading. */
  readonly files?: string;
  /** Until the set is loaded and reports its own. */
  readonly classNames?: readonly string[];
}

export const DATASETS: Readonly<Record<DatasetName, DatasetInfo>> = {
  'fashion-mnist': {
    label: 'Fashion-MNIST',
    synthetic: false,
    about: '70,000 grey 28x28 images of clothing in 10 classes (about 30 MB, downloaded once, then cached).',
    files: 'train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz',
    classNames: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
  },
  'cifar-10': {
    label: 'CIFAR-10',
    synthetic: false,
    about: '60,000 colour 32x32 images in 10 classes (about 160 MB, downloaded once, then cached).',
    files: 'cifar-10-binary.tar.gz (or its data_batch_*.bin and test_batch.bin)',
    classNames: ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'],
  },
  spiral: {
    label: 'Spiral (synthetic)',
    synthetic: true,
    about: 'Two interleaved spiral arms in the plane, generated in the browser: nothing to download.',
    classNames: ['arm 0', 'arm 1'],
  },
  prod: {
    label: 'Product x1·x2 (synthetic regression)',
    synthetic: true,
    about: 'E3’s regression target y = x1·x2/4 on [-2, 2]², generated in the browser: nothing to download. No accuracy, loss only.',
  },
};

export function classNamesFor(name: DatasetName, loaded: readonly string[] | undefined, count: number): string[] {
  const known = loaded ?? DATASETS[name].classNames ?? [];
  return Array.from({ length: count }, (_, i) => known[i] ?? `class ${i}`);
}

/** "12.3 MB", "512 kB", "900 B" (decimal units, as browsers show downloads). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(0)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Percent done, or undefined when the server sent no length. */
export function percentOf(progress: DownloadProgress | undefined): number | undefined {
  if (!progress?.totalBytes) return undefined;
  return Math.min(100, Math.round((progress.loadedBytes / progress.totalBytes) * 100));
}

export function progressText(progress: DownloadProgress | undefined): string {
  if (!progress) return 'Starting…';
  const percent = percentOf(progress);
  const amount = progress.totalBytes
    ? `${formatBytes(progress.loadedBytes)} of ${formatBytes(progress.totalBytes)} (${percent}%)`
    : formatBytes(progress.loadedBytes);
  return `${progress.file}: ${amount}`;
}
