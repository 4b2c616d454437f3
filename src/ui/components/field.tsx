/**
 * Labelled form controls with their validation message beside them. Each control's id
 * comes from the config path it edits (`training.epochs` → `f-training-epochs`), so a
 * message keyed by that path finds its field, and the message is tied to the control
 * with aria-describedby (screen readers read it with the label).
 */
import type { ReactNode } from 'react';

export function fieldId(path: string): string {
  return `f-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`;
}

interface Common {
  readonly path: string;
  readonly label: ReactNode;
  readonly error?: string;
  readonly help?: string;
  readonly className?: string;
}

function describedBy(id: string, error?: string, help?: string): string | undefined {
  const ids = [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Messages({ id, error, help }: { id: string; error?: string; help?: string }) {
  return (
    <>
      {help && (
        <span id={`${id}-help`} className="field-help">
          {help}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </>
  );
}

export function TextField(
  props: Common & {
    readonly value: string;
    readonly onChange: (value: string) => void;
    readonly placeholder?: string;
    readonly inputMode?: 'decimal' | 'numeric' | 'text';
    readonly width?: string;
  },
) {
  const id = fieldId(props.path);
  return (
    <div className={`field ${props.error ? 'field-invalid' : ''} ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode={props.inputMode ?? 'decimal'}
        value={props.value}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
        style={props.width ? { width: props.width } : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.help)}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <Messages id={id} error={props.error} help={props.help} />
    </div>
  );
}

export interface Option<T extends string> {
  readonly value: T;
  readonly label: string;
}

export function SelectField<T extends string>(
  props: Common & { readonly value: T; readonly onChange: (value: T) => void; readonly options: readonly Option<T>[] },
) {
  const id = fieldId(props.path);
  return (
    <div className={`field ${props.error ? 'field-invalid' : ''} ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.help)}
        onChange={(event) => props.onChange(event.target.value as T)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Messages id={id} error={props.error} help={props.help} />
    </div>
  );
}

export function CheckboxField(props: Common & { readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  const id = fieldId(props.path);
  return (
    <div className={`field field-checkbox ${props.error ? 'field-invalid' : ''} ${props.className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={describedBy(id, props.error, props.help)}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      <Messages id={id} error={props.error} help={props.help} />
    </div>
  );
}
