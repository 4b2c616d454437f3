/** The comparison's runs: one editor each, and a way to add any optimizer (again). */
import { useState } from 'react';
import type { KerasOptimizerName } from '../../../engine/optimizers/types';
import { useCatalog } from '../../app/catalog-context';
import { newKey } from '../config/form-text';
import { runForOptimizer, specOf, type RunForm } from '../config/form-model';
import { useConfigForm } from '../config/config-form-context';
import { RunEditor } from './run-editor';

/** "Adam", then "Adam 2", "Adam 3" for the same optimizer again. */
export function uniqueLabel(label: string, taken: readonly string[]): string {
  if (!taken.includes(label)) return label;
  let n = 2;
  while (taken.includes(`${label} ${n}`)) n++;
  return `${label} ${n}`;
}

export function RunList() {
  const { optimizerSpecs: specs, optimizerNames } = useCatalog();
  const { form, errors, update } = useConfigForm();
  const [toAdd, setToAdd] = useState<KerasOptimizerName>('adam');
  const setRuns = (change: (runs: readonly RunForm[]) => RunForm[]) => update((f) => ({ ...f, runs: change(f.runs) }));
  const labels = form.runs.map((run) => run.label);
  const add = () => setRuns((runs) => [...runs, runForOptimizer(specs, toAdd, uniqueLabel(specOf(specs, toAdd).label, labels))]);

  return (
    <section aria-labelledby="runs-heading" className="subsection">
      <h3 id="runs-heading">Optimizers ({form.runs.length})</h3>
      {errors.runs && <p className="field-error">{errors.runs}</p>}
      {form.runs.map((run, index) => (
        <RunEditor
          key={run.key}
          run={run}
          index={index}
          specs={specs}
          optimizerNames={optimizerNames}
          errors={errors}
          onChange={(next) => setRuns((runs) => runs.map((r, i) => (i === index ? next : r)))}
          onRemove={form.runs.length > 1 ? () => setRuns((runs) => runs.filter((_, i) => i !== index)) : undefined}
          onDuplicate={() =>
            setRuns((runs) => {
              const { id: _id, ...copy } = run;
              const next = [...runs];
              next.splice(index + 1, 0, { ...copy, key: newKey(), label: uniqueLabel(run.label, labels) });
              return next;
            })
          }
        />
      ))}
      <div className="add-run">
        <label htmlFor="add-optimizer">Add optimizer</label>
        <select id="add-optimizer" value={toAdd} onChange={(event) => setToAdd(event.target.value as KerasOptimizerName)}>
          {optimizerNames.map((name) => (
            <option key={name} value={name}>
              {specOf(specs, name).label} ({name})
            </option>
          ))}
        </select>
        <button type="button" onClick={add}>
          Add run
        </button>
      </div>
    </section>
  );
}
