/** The sweeps' own notices (a sweep that could not start, a failed calibration), until dismissed. */
import { Notice } from '../notice/notice-banner';
import { useSweepActions, useSweepState } from './sweep-store-context';

export function SweepNotice() {
  const notice = useSweepState((s) => s.notice);
  const actions = useSweepActions();
  return <Notice notice={notice} onDismiss={() => actions.dismissNotice()} />;
}
