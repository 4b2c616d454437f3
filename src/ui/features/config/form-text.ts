/**
 * Text fields ↔ numbers. A form keeps what the person typed (so "0." or "" can be
 * mid-edit) and turns it into numbers only when the config is assembled.
 */
export interface Parsed<T> {
  readonly value?: T;
  readonly error?: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** '' is "not set" (no value, no error). */
export function parseNumberText(text: string, options: { integer?: boolean } = {}): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  if (!NUMBER.test(trimmed)) return { error: options.integer ? 'Enter a whole number, e.g. 32.' : 'Enter a number, e.g. 0.001 or 1e-3.' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: 'Enter a finite number.' };
  if (options.integer && !Number.isInteger(value)) return { error: 'Enter a whole number, e.g. 32.' };
  return { value };
}

/** "256, 128" → [256, 128]; '' → undefined. */
export function parseListText(text: string, options: { integer?: boolean } = {}): Parsed<number[]> {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const values: number[] = [];
  for (const part of trimmed.split(/[\s,;]+/).filter(Boolean)) {
    const parsed = parseNumberText(part, options);
    if (parsed.error) return { error: `"${part}": ${parsed.error}` };
    values.push(parsed.value!);
  }
  return { value: values };
}

/** How a number is shown in a field: as JavaScript writes it (0.001, 1e-7). */
export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function listText(values: readonly number[] | undefined): string {
  return values ? values.join(', ') : '';
}

/** A stable React key for a list item the person adds. */
export function newKey(): string {
  return Math.random().toString(36).slice(2, 10);
}
