/**
 * "1 epoch", "3 epochs", "1,200 samples": a count and its noun, the noun plural unless
 * the count is exactly one. `plural` names the nouns that do not just add an s.
 */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? noun : plural}`;
}
