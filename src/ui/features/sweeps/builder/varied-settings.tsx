/** What the sweep varies: a grid of one or two settings, or a random search over several, from a seed. */
import { TextField } from '../../../components/field';
import { AxisEditor } from './axis-editor';
import { newAxis, type AxisForm, type SweepForm } from './sweep-form';
import { useSweepForm } from './sweep-form-context';

export function VariedSettings() {
  const { form, errors, update } = useSweepForm();
  const set = (patch: Partial<SweepForm>) => update((f) => ({ ...f, ...patch }));
  const replace = (list: readonly AxisForm[], index: number, axis: AxisForm) => list.map((a, i) => (i === index ? axis : a));
  const grid = form.mode === 'grid';
  return (
    <section aria-labelledby="varied-heading" className="subsection">
      <h3 id="varied-heading">What varies</h3>
      <fieldset className="segmented">
        <legend>Search</legend>
        {(['grid', 'random'] as const).map((mode) => (
          <label key={mode} className={form.mode === mode ? 'selected' : undefined}>
            <input type="radio" name="sweep-mode" value={mode} checked={form.mode === mode} onChange={() => set({ mode, ...(mode === 'random' && form.space.length === 0 ? { space: [newAxis('learning_rate', 'log')] } : {}) })} />
            {mode === 'grid' ? 'Grid' : 'Random search'}
          </label>
        ))}
      </fieldset>
      {errors[form.mode] && <p className="field-error" id={`f-${form.mode}`}>{errors[form.mode]}</p>}
      {grid ? (
        <>
          {form.axes.map((axis, i) => (
            <AxisEditor
              key={axis.key}
              axis={axis}
              path={`grid[${i}]`}
              number={i + 1}
              grid
              errors={errors}
              onChange={(next) => set({ axes: replace(form.axes, i, next) })}
              onRemove={form.axes.length > 1 ? () => set({ axes: form.axes.filter((_, j) => j !== i) }) : undefined}
            />
          ))}
          {form.axes.length < 2 && (
            <button type="button" onClick={() => set({ axes: [...form.axes, newAxis('optimizer', 'list')] })}>
              Add a second setting
            </button>
          )}
        </>
      ) : (
        <>
          <div className="field-grid">
            <TextField path="random.trials" label="Trials" inputMode="numeric" value={form.trials} onChange={(trials) => set({ trials })} error={errors['random.trials']} />
            <TextField path="random.seed" label="Search seed" inputMode="numeric" value={form.seed} onChange={(seed) => set({ seed })} error={errors['random.seed']} help="The same seed draws the same trials." />
          </div>
          {form.space.map((axis, i) => (
            <AxisEditor
              key={axis.key}
              axis={axis}
              path={`random.space[${i}]`}
              number={i + 1}
              grid={false}
              errors={errors}
              onChange={(next) => set({ space: replace(form.space, i, next) })}
              onRemove={form.space.length > 1 ? () => set({ space: form.space.filter((_, j) => j !== i) }) : undefined}
            />
          ))}
          <button type="button" onClick={() => set({ space: [...form.space, newAxis('dropout', 'linear')] })}>
            Add a setting to search
          </button>
        </>
      )}
    </section>
  );
}
