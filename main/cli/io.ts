// Where the CLI writes: injected so tests capture output instead of spawning processes.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress lines only make sense on a terminal; piped stderr gets warnings and errors only. */
  stderrIsTTY: boolean;
  cwd: string;
}

export function nodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/** An error meant for the user: printed as one line, no stack, with its exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}
