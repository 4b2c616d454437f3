/** A problem or note not tied to one field (a rejected import, storage full), until dismissed. */
import { useLabActions, useLabState } from '../../app/lab-store-context';

export function NoticeBanner() {
  const notice = useLabState((s) => s.notice);
  const actions = useLabActions();
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      <button type="button" className="small" onClick={() => actions.dismissNotice()}>
        Dismiss
      </button>
    </div>
  );
}
