import {DATA_BYTES, KeyScanner, READ_BYTES} from './key-scanner.js';
import {MAX_LINE_CHARS} from './normalize.js';

export interface ScanHandlers {
  /** A line holding one or more keys; `keys` are their ids (valid during the call only). */
  onLine(line: string, keys: ArrayLike<number>): void;
  /**
   * Any other line while skippedAbove() is 0 or more (the classifier needs them only to see where
   * a build script's error block ends), unless it is blank or indented deeper than that: those
   * leave the block as it is, so they are skipped without being decoded.
   */
  onSkipped(line: string): void;
  skippedAbove(): number;
}

const NL = 0x0a;
const ESC = 0x1b;

/**
 * Reads raw log bytes in chunks and hands on only the lines the classifier can learn from: those
 * holding a key (see KeyScanner). Terminal escape sequences are removed first, so a coloured
 * `error:` is found too. Lines end at LF; a line is cut at MAX_LINE_CHARS bytes (the rest is
 * dropped). Memory stays bounded: the log passes through the scanner's fixed buffer.
 */
export class ChunkScanner {
  private readonly scanner: KeyScanner;
  /** data[0, carry) is the start of a line whose end has not arrived yet. */
  private carry = 0;
  /** The carried line is already MAX_LINE_CHARS long: drop the rest of it up to its newline. */
  private dropping = false;

  constructor(
    keys: readonly string[],
    private readonly handlers: ScanHandlers,
  ) {
    this.scanner = new KeyScanner(keys);
  }

  /** Searches for only these keys from now on (the ids stay those of the full list). */
  setKeys(keys: readonly {key: string; id: number}[]): void {
    this.scanner.setKeys(keys);
  }

  push(chunk: Uint8Array): void {
    for (let off = 0; off < chunk.length; ) {
      const n = Math.min(chunk.length - off, READ_BYTES, DATA_BYTES - this.carry);
      this.scanner.data.set(chunk.subarray(off, off + n), this.carry);
      off += n;
      this.consume(n);
    }
  }

  /**
   * Lets `read` put the next bytes straight into the scanner's buffer (no copy), like
   * fs.readSync(fd, buffer, offset, length). Returns false at the end of the input.
   */
  fill(read: (buffer: Buffer, offset: number, length: number) => number): boolean {
    const n = read(this.scanner.data, this.carry, Math.min(READ_BYTES, DATA_BYTES - this.carry));
    if (n > 0) this.consume(n);
    return n > 0;
  }

  /** Takes the n new bytes at data[carry, carry + n). */
  private consume(n: number): void {
    const data = this.scanner.data;
    let end = this.carry + n;
    if (this.dropping) {
      const nl = lineEndOf(data, this.carry, end);
      if (nl === end) return;
      this.dropping = false;
      data.copyWithin(this.carry, nl, end);
      end = this.carry + (end - nl);
    }
    const lastNl = data.lastIndexOf(NL, end - 1);
    if (lastNl < this.carry) {
      this.keep(0, end);
      return;
    }
    this.region(0, lastNl + 1);
    this.keep(lastNl + 1, end);
  }

  /** Reads a trailing line that has no newline. */
  end(): void {
    const rest = this.carry;
    this.carry = 0;
    this.dropping = false;
    if (rest > 0) this.region(0, rest);
  }

  /** Moves the partial line data[from, to) to the start of the buffer, cut at MAX_LINE_CHARS. */
  private keep(from: number, to: number): void {
    const length = to - from;
    this.dropping = length > MAX_LINE_CHARS;
    this.carry = Math.min(length, MAX_LINE_CHARS);
    if (from > 0) this.scanner.data.copyWithin(0, from, from + this.carry);
  }

  /** data[from, to) is whole lines, each ending in a newline except perhaps the last. */
  private region(from: number, end: number): void {
    const data = this.scanner.data;
    // Searched within the region only: the buffer holds stale bytes past it.
    const esc = data.subarray(from, end).indexOf(ESC);
    const to = esc >= 0 ? this.scanner.stripEscapes(from + esc, end) : end;
    const {handlers} = this;
    let pos = from;
    while (pos < to) {
      const indent = handlers.skippedAbove();
      if (indent >= 0) {
        const lineEnd = lineEndOf(data, pos, to);
        this.line(pos, lineEnd, indent);
        pos = lineEnd + 1;
        continue;
      }
      const hit = this.scanner.find(pos, to);
      if (hit < 0) break;
      const start = hit > pos ? Math.max(pos, data.lastIndexOf(NL, hit - 1) + 1) : pos;
      const lineEnd = lineEndOf(data, hit, to);
      this.line(start, lineEnd, -1);
      pos = lineEnd + 1;
    }
  }

  /**
   * One line, data[start, end): to onLine when it holds a key within its first MAX_LINE_CHARS
   * bytes, else to onSkipped when `skippedAbove` (see ScanHandlers) is 0 or more.
   */
  private line(start: number, end: number, skippedAbove: number): void {
    const cut = Math.min(end, start + MAX_LINE_CHARS);
    const keys = this.scanner.keysIn(start, cut);
    if (keys.length === 0 && (skippedAbove < 0 || deeper(this.scanner.data, start, cut, skippedAbove)))
      return;
    const text = this.scanner.data.toString('utf8', start, cut);
    if (keys.length === 0) this.handlers.onSkipped(text);
    else if (!text.includes('\r')) this.handlers.onLine(text, keys);
    // A lone CR (a progress bar redrawing itself) ends a line too.
    else for (const piece of text.split('\r')) this.handlers.onLine(piece, keys);
  }
}

/**
 * Whether data[start, end) is blank or, as normalizeLine would leave it, indented by more than
 * `indent` characters. Only sure answers are true: a tab anywhere (normalizeLine may cut a
 * `gh run view` prefix) or a non-ASCII first character (maybe a Unicode space) give false.
 */
function deeper(data: Buffer, start: number, end: number, indent: number): boolean {
  let i = start;
  while (i < end && (data[i] === 0x20 || data[i] === 0x0d || data[i] === 0x0b || data[i] === 0x0c)) i++;
  if (i === end) return true;
  if (i - start <= indent || data[i] >= 0x80) return false;
  for (let j = i; j < end; j++) if (data[j] === 0x09) return false;
  return true;
}

function lineEndOf(data: Buffer, from: number, to: number): number {
  const nl = data.indexOf(NL, from);
  return nl < 0 || nl >= to ? to : nl;
}
