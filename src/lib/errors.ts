/**
 * Every failure a user can cause carries what was expected and what was found, so the
 * UI and the CLI can show one sentence that explains it without a stack trace.
 */
export class LabError extends Error {
  constructor(
    /** Stable machine-readable kind, e.g. 'bad-magic', 'checksum-mismatch'. */
    readonly code: string,
    /** What the lab needed. */
    readonly expected: string,
    /** What it got instead. */
    readonly found: string,
    /** Where: a file name, a config path like `runs[2].optimizer.learning_rate`. */
    readonly where?: string,
  ) {
    super(`${where ? `${where}: ` : ''}expected ${expected}, found ${found}`);
    this.name = new.target.name;
  }
}

/** A dataset file or archive is not what the official release contains. */
export class DatasetError extends LabError {}

/** A configuration (experiment, model, optimizer) is invalid. */
export class ConfigError extends LabError {}

/** A network fetch failed or returned something other than the file. */
export class DownloadError extends LabError {}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`internal invariant broken: ${message}`);
}
