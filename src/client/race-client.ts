/** The page's side of the race worker: start it, and talk to it through a checked connection. */
import { RACE_PROTOCOL_VERSION, type ErrorPayload, type FromRaceWorker, type FromRaceWorkerType, type ToRaceWorker } from '../protocol/race-messages';
import { checkEnvelope, connectCheckedWorker, type CheckedConnection, type Envelope, type WorkerLike } from './checked-worker';

export type RaceConnection = CheckedConnection<ToRaceWorker, FromRaceWorker>;

/** Starts the dedicated race worker (a module worker, bundled by Vite): no dataset, no training worker. */
export function startRaceWorker(): Worker {
  return new Worker(new URL('../worker/race.worker.ts', import.meta.url), { type: 'module', name: 'optimizer-lab-race' });
}

const FROM_RACE_TYPES: readonly FromRaceWorkerType[] = ['ready', 'frame', 'error'];

const RACE_ENVELOPE: Envelope<FromRaceWorker> = {
  version: RACE_PROTOCOL_VERSION,
  types: FROM_RACE_TYPES,
  who: 'race worker',
  error: (error: ErrorPayload): FromRaceWorker => ({ v: RACE_PROTOCOL_VERSION, type: 'error', error }),
};

export function checkFromRaceWorker(data: unknown): FromRaceWorker {
  return checkEnvelope(data, RACE_ENVELOPE);
}

export function connectRaceWorker(worker: WorkerLike): RaceConnection {
  return connectCheckedWorker(worker, RACE_ENVELOPE);
}
