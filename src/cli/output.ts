import { AppError } from '../server/errors.js';

/** Progress on stderr, so stdout stays clean for what a script reads (a token, a CSV). */
export function progress(label: string, done?: number, total?: number): void {
  if (done === undefined || total === undefined) {
    process.stderr.write(`… ${label}\n`);
    return;
  }
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const line = `… ${label} ${done}/${total} (${percent}%)`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
  else if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0)
    process.stderr.write(`${line}\n`);
}

export function fail(message: string, code = 1): never {
  process.stderr.write(`passerelle: ${message}\n`);
  process.exit(code);
}

/** Turns any error into a message a person at a terminal can act on. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const fields = error.details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message));
    return fields.length > 0 ? fields.join('; ') : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
