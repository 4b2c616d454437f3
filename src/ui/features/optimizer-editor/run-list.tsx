/** A list of runs: one editor each, and a way to add any optimizer (again). */
import { useState } from 'react';
import type { KerasOptimizerName } from '../../../engine/optimizers/types';
import { useCatalog } from '../../app/catalog-context';
import { newKey } from '../config/form-text';
import { runForOptimizer, specOf, type RunForm } from '../config/form-model';
import { useConfigForm } from '../config/config-form-context';
import type { FieldErrors } from '../config/form-to-config';
import { RunEditor } from './run-editor';

/** "Adam", then "Adam 2", "Adam 3" for the same optimizer again. */
export function uniqueLabel(label: string, taken: readonly string[]): string {
  if (!taken.includes(label)) return label;
  let n = 2;
  while (taken.includes(`${label} ${n}`)) n++;
  return `${label} ${n}`;
}

export interface RunListProps {
  readonly runs: readonly RunForm[];
  readonly errors: FieldErrors;
  readonly onRunsChange: (change: (runs: readonly RunForm[]) => RunForm[]) => void;
  /** At most this many runs (the add and duplicate buttons go away at the limit). */
  readonly max?: number;
  readonly showOverrides?: boolean;
  /** What one run is called: `Run` (default), `Optimizer`. */
  readonly noun?: string;
}

export function RunList({ runs, errors, onRunsChange: setRuns, max = Infinity, showOverrides, noun = 'Run' }: RunListProps) {
  const { optimizerSpecs: specs, optimizerNames } = useCatalog();
  const [toAdd, setToAdd] = useState<KerasOptimizerName>('adam');
  const labels = runs.map((run) => run.label);
  const full = runs.length >= max;
  const add = () => setRuns((current) => [...current, runForOptimizer(specs, toAdd, uniqueLabel(specOf(specs, toAdd).label, labels))]);

  return (
    <section aria-labelledby="runs-heading" className="subsection">
      <h3 id="runs-heading">Optimizers ({runs.length})</h3>
      {errors.runs && <p className="field-error">{errors.runs}</p>}
      {runs.map((run, index) => (
        <RunEditor
          key={run.key}
          run={run}
          index={index}
          specs={specs}
          optimizerNames={optimizerNames}
          errors={errors}
          showOverrides={showOverrides}
          noun={noun}
          onChange={(next) => setRuns((current) => current.map((r, i) => (i === index ? next : r)))}
          onRemove={runs.length > 1 ? () => setRuns((current) => current.filter((_, i) => i !== index)) : undefined}
          onDuplicate={() =>
            setRuns((current) => {
              if (current.length >= max) return [...current];
              const { id: _id, ...copy } = run;
              const next = [...current];
              next.splice(index + 1, 0, { ...copy, key: newKey(), label: uniqueLabel(run.label, labels) });
              return next;
            })
          }
        />
      ))}
      {full ? (
        <p className="field-help">At most {max} optimizers at once.</p>
      ) : (
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
            Add {noun.toLowerCase()}
          </button>
        </div>
      )}
    </section>
  );
}

/** The runs of the comparison being set up. */
export function ComparisonRunList() {
  const { form, errors, update } = useConfigForm();
  return <RunList runs={form.runs} errors={errors} onRunsChange={(change) => update((f) => ({ ...f, runs: change(f.runs) }))} />;
}
