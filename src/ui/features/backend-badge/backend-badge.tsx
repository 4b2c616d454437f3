/**
 * Which backend trains, in one short line ("webgl · worker · software renderer"), and on
 * request the whole story: precision and why this backend (the lab's fallback reason).
 */
import type { BackendReport } from '../../../protocol/messages';
import { useLabState } from '../../app/lab-store-context';

/** The renderer words the worker's reason uses for SwiftShader, llvmpipe and the like. */
const SOFTWARE = /software renderer/i;

/** The line's parts after the backend's name. */
export function backendFacts(backend: BackendReport): string[] {
  return [
    backend.inWorker ? 'worker' : 'main thread',
    ...(SOFTWARE.test(backend.reason) ? ['software renderer'] : []),
    ...(backend.float32 ? [] : ['float16']),
  ];
}

export function BackendBadge() {
  const backend = useLabState((s) => s.backend);
  const error = useLabState((s) => s.backendError);
  if (error) {
    return (
      <div className="backend-badge backend-error" role="alert">
        <strong>Backend unavailable</strong>
        <span>{error.message}</span>
      </div>
    );
  }
  if (!backend) {
    return (
      <div className="backend-badge" role="status" aria-label="Backend">
        Backend: starting…
      </div>
    );
  }
  return (
    <div className="backend-badge" role="status" aria-label="Backend">
      <details>
        <summary>
          <span data-testid="backend-name">{backend.name}</span>
          {backendFacts(backend).map((fact) => ` · ${fact}`)}
        </summary>
        <div className="backend-detail">
          <span>
            {backend.float32 ? 'float32' : 'float16 (epsilon 1e-4)'} · {backend.inWorker ? 'in a worker' : 'on the main thread'}
          </span>
          <span className="backend-reason">{backend.reason}</span>
        </div>
      </details>
    </div>
  );
}
