// Escape sequences (colours, cursor moves) and the prefixes CI systems add to each line.
export const ANSI =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are control characters by definition.
  /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
const GITHUB_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
const WORKFLOW_COMMAND =
  /^(?:##\[(?:group|endgroup|error|warning|notice|debug|section|command)\]|::(?:group|endgroup|error|warning|notice|debug)(?: [^:]*)?::)/;
const BUILDKIT_STEP = /^#\d+ \d+\.\d+ /;
// nektos/act prefixes each step output line with `[workflow/job]   | `.
const ACT_PREFIX = /^\[[^\]\n]+\] +\| /;
// `gh run view --log` puts the job and step names, tab-separated, before the timestamp.
const GH_CLI_PREFIX = /^[^\t\n]*\t[^\t\n]*\t(?=\d{4}-\d\d-\d\dT)/;

/** Turns one raw log line into the text a person would read. */
export function normalizeLine(raw: string): string {
  let line = raw.includes('\u001b') ? raw.replace(ANSI, '') : raw;
  if (line.endsWith('\r')) line = line.slice(0, -1);
  if (line.includes('\t')) line = line.replace(GH_CLI_PREFIX, '');
  if (line.startsWith('[')) line = line.replace(ACT_PREFIX, '');
  // Each prefix starts with its own character: most lines need none of the replacements.
  const first = line.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) line = line.replace(GITHUB_TIMESTAMP, '');
  const next = line.charCodeAt(0);
  if (next === 0x23 || next === 0x3a) line = line.replace(WORKFLOW_COMMAND, '');
  return line.charCodeAt(0) === 0x23 ? line.replace(BUILDKIT_STEP, '') : line;
}

/** Longest line kept; cargo's rustc command lines can be huge and carry no diagnosis past this. */
export const MAX_LINE_CHARS = 16_384;

/**
 * Splits a byte stream into lines in bounded memory: CRLF, LF and lone CR all end a line,
 * and a line longer than MAX_LINE_CHARS is cut (the rest of it is dropped).
 */
export class LineSplitter {
  private partial = '';
  private overflow = false;
  private lastWasCr = false;

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 10 && this.lastWasCr && i === start && this.partial === '') {
        // The LF of a CRLF whose CR ended the previous line.
        start = i + 1;
        this.lastWasCr = false;
        continue;
      }
      this.append(chunk, start, i);
      this.flushLine();
      this.lastWasCr = c === 13;
      start = i + 1;
    }
    if (start < chunk.length) {
      this.lastWasCr = false;
      this.append(chunk, start, chunk.length);
    }
  }

  end(): void {
    if (this.partial !== '' || this.overflow) this.flushLine();
  }

  private append(chunk: string, from: number, to: number): void {
    if (this.overflow || from === to) return;
    const room = MAX_LINE_CHARS - this.partial.length;
    if (to - from > room) {
      this.partial += chunk.slice(from, from + room);
      this.overflow = true;
    } else {
      this.partial += chunk.slice(from, to);
    }
  }

  private flushLine(): void {
    const line = this.partial;
    this.partial = '';
    this.overflow = false;
    this.onLine(line);
  }
}
