/** A problem or note not tied to one field (a rejected import, storage full), until dismissed. */
import { useLabActions, useLabState } from '../../app/lab-store-context';

export function NoticeBanner() {
  const notice = useLabState((s) => s.notice);
  const actions = useLabActions();
  return <Notice notice={notice} onDismiss={() => actions.dismissNotice()} />;
}

/** One notice as a banner: an alert for errors, a status line for the rest. */
export function Notice({ notice, onDismiss }: { notice: { readonly kind: 'error' | 'info'; readonly text: string } | undefined; onDismiss: () => void }) {
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      <button type="button" className="small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
