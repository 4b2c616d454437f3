/// <reference lib="webworker" />
/**
 * The bare loop's worker: the same place the lab trains (a dedicated worker, WebGL
 * through OffscreenCanvas when the browser has it, else the cpu), picked by the lab's
 * own backend selection, with the lab's dataset loading (the Cache API copy the lab
 * page left, else /dataset-proxy/). Answers each request with one message.
 */
import type { TrainTestSplit } from '../engine/data/types';
import type { BackendReport } from '../protocol/messages';
import { selectTrainingBackend } from '../worker/backend-select';
import { loadBrowserDataset, sameOriginDatasetBases } from '../worker/datasets';
import { makeSpiral } from '../engine/data/synthetic';
import { runBareLoop, type BareLoopRequest, type BareLoopResult } from './bare-loop';
import { measureProbeCost, type ProbeCost, type ProbeCostCase } from './probe-cost';
import { runRunnerLoop, type RunnerLoopRequest, type RunnerLoopResult } from './runner-loop';

/** Fashion-MNIST, or (for the small dense net, whose cheap steps show a probe's fixed cost most) the two-arm spiral. */
export type ProbeCostRequest = ProbeCostCase & { readonly data: 'fashion-mnist' | 'spiral' };

/**
 * 'prepare' starts the backend and loads the data (untimed); 'run' measures the bare loop,
 * 'runner' the lab's runner, 'probe-cost' plain against probed steps (src/bench/probe-cost.ts).
 */
export type BareWorkerRequest =
  | { readonly kind: 'prepare'; readonly backends: readonly string[] }
  | (BareLoopRequest & { readonly kind: 'run'; readonly backends: readonly string[] })
  | (RunnerLoopRequest & { readonly kind: 'runner'; readonly backends: readonly string[] })
  | { readonly kind: 'probe-cost'; readonly backends: readonly string[]; readonly probeCost: ProbeCostRequest };
export type BareWorkerAnswer =
  | { readonly ok: true; readonly backend: BackendReport; readonly result?: BareLoopResult; readonly runner?: RunnerLoopResult; readonly probeCost?: ProbeCost }
  | { readonly ok: false; readonly message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let backend: Promise<BackendReport> | undefined;
let fashionMnist: Promise<TrainTestSplit> | undefined;

async function answer(request: BareWorkerRequest): Promise<BareWorkerAnswer> {
  try {
    backend ??= selectTrainingBackend(request.backends, 'worker');
    const report = await backend;
    fashionMnist ??= loadBrowserDataset('fashion-mnist', { kind: 'auto' }, {
      sameOriginBases: sameOriginDatasetBases(new URL(import.meta.env.BASE_URL, scope.location.origin).href),
      fetch: scope.fetch.bind(scope),
      caches: scope.caches,
    }).then((loaded) => loaded.split);
    const split = await fashionMnist;
    if (request.kind === 'prepare') return { ok: true, backend: report };
    if (request.kind === 'probe-cost') {
      const { data, ...costCase } = request.probeCost;
      const dataset = data === 'spiral' ? makeSpiral({ count: costCase.batchSize * 8, seed: 1 }) : split.train;
      return { ok: true, backend: report, probeCost: await measureProbeCost(costCase, dataset) };
    }
    if (request.config.dataset.name !== 'fashion-mnist') throw new Error('the bare loop benchmark reads Fashion-MNIST only');
    if (request.kind === 'runner') return { ok: true, backend: report, runner: await runRunnerLoop(request, split) };
    return { ok: true, backend: report, result: await runBareLoop(request, split) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

scope.addEventListener('message', (event: MessageEvent<BareWorkerRequest>) => {
  void answer(event.data).then((reply) => scope.postMessage(reply));
});
