/** Building a sweep: preset, name, the base comparison, what varies, the stop rule, then Start. */
import { TextField } from '../../../components/field';
import { DismissibleAlert } from '../../../components/dismissible-alert';
import { BaseSettings } from './base-settings';
import { StopRuleFields } from './stop-rule-fields';
import { useSweepForm } from './sweep-form-context';
import { SweepPresetPicker } from './sweep-preset-picker';
import { SweepStartBar } from './sweep-start-bar';
import { VariedSettings } from './varied-settings';

export function SweepBuilder() {
  const { form, errors, update, linkProblem, dismissLinkProblem } = useSweepForm();
  return (
    <section aria-labelledby="sweep-builder-heading" className="panel config-panel">
      <h2 id="sweep-builder-heading">Build a sweep</h2>
      {linkProblem && <DismissibleAlert text={linkProblem} onDismiss={dismissLinkProblem} />}
      <SweepPresetPicker />
      <TextField path="name" label="Sweep name" inputMode="text" value={form.name} onChange={(name) => update((f) => ({ ...f, name }))} error={errors.name} />
      <BaseSettings />
      <VariedSettings />
      <StopRuleFields />
      <SweepStartBar />
    </section>
  );
}
