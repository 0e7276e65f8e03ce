/** Where the chain reports progress: the Actions log in the action, the terminal in the CLI. */
export interface Reporter {
  info(line: string): void;
  startGroup(title: string): void;
  endGroup(): void;
  /** An annotation: one per fallback. */
  warning(message: string): void;
  /** An annotation: one on final failure. */
  error(message: string): void;
  notice(message: string): void;
}

/** Plain console reporting, for the CLI and for tests. */
export function consoleReporter(
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Reporter {
  return {
    info: write,
    startGroup: (title) => write(`▶ ${title}`),
    endGroup: () => undefined,
    warning: (m) => write(`warning: ${m}`),
    error: (m) => write(`error: ${m}`),
    notice: (m) => write(`notice: ${m}`),
  };
}
