/** A one-line progress bar for terminals; plain lines when output is not a TTY (CI logs). */
export function formatBar(fraction: number, width = 24): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(clamped * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(clamped * 100).toFixed(0).padStart(3)}%`;
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  if (seconds < 60) return `${seconds.toFixed(0)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(Math.round(seconds % 60)).padStart(2, '0')}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

export class ProgressLine {
  private lastLength = 0;
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  /** Redraws the line in a terminal; elsewhere prints nothing until `done`. */
  update(text: string): void {
    if (!this.stream.isTTY) return;
    this.stream.write(`\r${text.padEnd(this.lastLength)}`);
    this.lastLength = text.length;
  }

  done(text: string): void {
    this.stream.write(this.stream.isTTY ? `\r${text.padEnd(this.lastLength)}\n` : `${text}\n`);
    this.lastLength = 0;
  }
}
