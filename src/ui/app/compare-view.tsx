/**
 * Layout only, the Compare view: with no comparison on screen, the setup and the
 * history beside the empty chart area; with one, the setup folded to a line above the
 * comparison (run list and history in a slim column, the charts taking the width).
 */
import { ConfigPanel } from '../features/config/config-panel';
import { SetupSummary } from '../features/config/setup-summary';
import { HistoryPanel } from '../features/history/history-panel';
import { LectureModeProvider } from '../features/lecture-mode/lecture-mode-context';
import { ComparisonArea, EmptyComparison } from './comparison-area';
import { LectureKeys } from './lab-keys';
import { useSetupFold } from './setup-fold';

export function CompareView() {
  const { open, foldable } = useSetupFold();
  if (!foldable) {
    return (
      <div className="layout">
        <div className="sidebar">
          <ConfigPanel />
          <HistoryPanel />
        </div>
        <main className="main" id="main">
          <EmptyComparison />
        </main>
      </div>
    );
  }
  // Lecture mode (L) exists only while a comparison is on screen: there is nothing else to project.
  return (
    <LectureModeProvider>
      <LectureKeys />
      <main className="run-first-page" id="main">
        <SetupSummary />
        {open && <ConfigPanel />}
        <ComparisonArea below={<HistoryPanel />} />
      </main>
    </LectureModeProvider>
  );
}
