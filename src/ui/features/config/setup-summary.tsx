/**
 * The setup folded to one line while a comparison is on screen: what the form holds, and
 * "Edit setup" to open it again (a disclosure button: Enter or Space, and the E key).
 */
import { useCatalog } from '../../app/catalog-context';
import { useSetupFold } from '../../app/setup-fold';
import { DATASETS } from '../datasets/dataset-info';
import { countOf } from '../../../lib/plural';
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
        <strong>Setup:</strong> {form.name || 'unnamed'} · {DATASETS[form.dataset.name].label} · {architecture} · {countOf(runs, 'optimizer')} ·{' '}
        {epochsText(form.training.epochs)}
      </span>
      <button type="button" aria-expanded={open} aria-controls={SETUP_PANEL_ID} onClick={() => setOpen(!open)}>
        {open ? 'Fold setup' : 'Edit setup'}
      </button>
    </div>
  );
}

/** The form's epochs as typed: "1 epoch", "24 epochs", or the text itself while it is not a number yet. */
function epochsText(typed: string | number): string {
  const epochs = Number(typed);
  return String(typed).trim() !== '' && Number.isFinite(epochs) ? countOf(epochs, 'epoch') : `${typed} epochs`;
}
