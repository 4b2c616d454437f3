/**
 * Whether this browser's cache holds a dataset's files, for a set not loaded in this tab
 * yet: after a reload the lab has not read it, but it will come from the cache, not the
 * network, and the status should say so. The cache is the worker's (same origin, same
 * Cache API); only its key rule is shared, read-only here.
 */
import { useEffect, useState } from 'react';
import type { DatasetName } from '../../../engine/experiment/config';
import { DATASET_CACHE_NAME, datasetCacheKey } from '../../../worker/dataset-cache';
import type { RealDatasetName } from '../../../engine/data/load-dataset';

/** True once the cache is seen to hold files of `name`; false where there is no Cache API or nothing cached. */
export function useCachedDataset(name: DatasetName, look: boolean): boolean {
  const [cached, setCached] = useState<{ name: DatasetName; cached: boolean }>({ name, cached: false });
  useEffect(() => {
    if (!look || typeof caches === 'undefined') return;
    let live = true;
    const prefix = datasetCacheKey(name as RealDatasetName, '');
    caches
      .open(DATASET_CACHE_NAME)
      .then((cache) => cache.keys())
      .then((keys) => live && setCached({ name, cached: keys.some((request) => request.url.startsWith(prefix)) }))
      .catch(() => live && setCached({ name, cached: false }));
    return () => {
      live = false;
    };
  }, [name, look]);
  return look && cached.name === name && cached.cached;
}
