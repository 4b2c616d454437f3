/** Which backend trains, in what precision, where, and why (the lab's fallback reason). */
import { useLabState } from '../../app/lab-store-context';

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
        <strong>Backend: starting…</strong>
      </div>
    );
  }
  return (
    <div className="backend-badge" role="status" aria-label="Backend">
      <strong>
        Backend: <span data-testid="backend-name">{backend.name}</span>
      </strong>
      <span>
        {backend.float32 ? 'float32' : 'float16 (epsilon 1e-4)'} · {backend.inWorker ? 'in a worker' : 'on the main thread'}
      </span>
      <span className="backend-reason">{backend.reason}</span>
    </div>
  );
}
