import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Plugin } from 'vite';
import type { RealDatasetName } from '../engine/data/load-dataset';
import { DATASET_FILES, datasetOfFile, downloadDatasetInto, upstreamFromEnv, type DatasetFetchOptions } from './dataset-files';

/**
 * `npm run dev` and `npm run preview` serve the official dataset files from the lab's
 * own origin at /dataset-proxy/<file>: CIFAR-10's host may refuse a cross-origin
 * download, so the server fetches the file once, verifies it (MD5 for CIFAR-10, SHA-256
 * of each Fashion-MNIST file), keeps it on disk, and streams it to the browser. The
 * browser verifies it again and caches it.
 */
export const DATASET_ROUTE = '/dataset-proxy/';
export const DEFAULT_DATASET_CACHE_DIR = 'node_modules/.cache/optimizer-lab/datasets';

export interface DatasetRouteOptions extends DatasetFetchOptions {
  /** Where verified files are kept; relative to the working directory. */
  readonly cacheDir?: string;
  readonly log?: (line: string) => void;
}

type Handler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** The route as a connect middleware; the plugin mounts it on the dev and preview servers. */
export function createDatasetRoute(options: DatasetRouteOptions = {}): Handler {
  const cacheDir = resolve(options.cacheDir ?? DEFAULT_DATASET_CACHE_DIR);
  const log = options.log ?? ((line: string) => console.log(line));
  const inFlight = new Map<RealDatasetName, Promise<unknown>>();

  const fetchOnce = (dataset: RealDatasetName): Promise<unknown> => {
    let pending = inFlight.get(dataset);
    if (!pending) {
      const upstream = options.upstream ?? upstreamFromEnv();
      log(`[dataset-proxy] fetching ${dataset} from ${upstream ?? 'its official source'} into ${cacheDir}`);
      pending = downloadDatasetInto(dataset, cacheDir, { ...options, upstream }).then(
        (results) => log(`[dataset-proxy] ${dataset} verified and cached (${results.map((r) => r.file).join(', ')})`),
        (error: unknown) => {
          log(`[dataset-proxy] ${dataset} failed: ${error instanceof Error ? error.message : String(error)}`);
          throw error;
        },
      );
      const clear = () => inFlight.delete(dataset);
      pending.then(clear, clear);
      inFlight.set(dataset, pending);
    }
    return pending;
  };

  const serve = async (dataset: RealDatasetName, file: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = join(cacheDir, file);
    let size = await fileSize(path);
    if (size === undefined) {
      try {
        await fetchOnce(dataset);
      } catch (error) {
        sendText(res, 502, `Could not fetch ${file} for the lab: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      size = await fileSize(path);
      if (size === undefined) return sendText(res, 502, `${file} was not fetched`);
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size), 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(path), res).catch(() => res.destroy());
  };

  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!path.startsWith(DATASET_ROUTE)) return next();
    const file = decodeURIComponent(path.slice(DATASET_ROUTE.length));
    const dataset = datasetOfFile(file);
    if (!dataset || (req.method !== 'GET' && req.method !== 'HEAD')) {
      const known = Object.values(DATASET_FILES).flat().join(', ');
      return sendText(res, 404, `${DATASET_ROUTE} serves only the official dataset files (${known}), by GET; asked for ${req.method} ${file}`);
    }
    serve(dataset, file, req, res).catch(next);
  };
}

/** Adds the same-origin dataset route to `vite` (dev) and `vite preview`. */
export function datasetRoutePlugin(options: DatasetRouteOptions = {}): Plugin {
  let route: Handler | undefined;
  const routeFor = (root: string, info: (line: string) => void): Handler =>
    (route ??= createDatasetRoute({ log: info, ...options, cacheDir: resolve(root, options.cacheDir ?? DEFAULT_DATASET_CACHE_DIR) }));
  return {
    name: 'optimizer-lab-dataset-route',
    configureServer(server) {
      server.middlewares.use(routeFor(server.config.root, (line) => server.config.logger.info(line, { timestamp: true })));
    },
    configurePreviewServer(server) {
      server.middlewares.use(routeFor(server.config.root, (line) => server.config.logger.info(line, { timestamp: true })));
    },
  };
}
