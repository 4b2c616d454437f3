/**
 * The setup folded to one line while a comparison is on screen: what the form holds, and
 * "Edit setup" to open it again (a disclosure button: Enter or Space, and the E key).
 */
import { useCatalog } from '../../app/catalog-context';
import { useSetupFold } from '../../app/setup-fold';
import { DATASETS } from '../datasets/dataset-info';
import { useConfigForm } from './config-form-context';

export const SETUP_PANEL_ID = 'setup-panel';

export function SetupSummary() {
  const { form } = useConfigForm();
  const { architectureInfo } = useCatalog();
  const { open, setOpen } = useSetupFold();
  const architecture = architectureInfo[form.architecture as keyof typeof architectureInfo]?.label ?? form.architecture;
  const runs = form.runs.length;
  return (
    <div className="setup-summary" role="group" aria-label="Setup">
      <span className="setup-summary-text">
        <strong>Setup:</strong> {form.name || 'unnamed'} · {DATASETS[form.dataset.name].label} · {architecture} · {runs} {runs === 1 ? 'optimizer' : 'optimizers'} ·{' '}
        {form.training.epochs} epochs
      </span>
      <button type="button" aria-expanded={open} aria-controls={SETUP_PANEL_ID} onClick={() => setOpen(!open)}>
        {open ? 'Fold setup' : 'Edit setup'}
      </button>
    </div>
  );
}
