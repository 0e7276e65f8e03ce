import {MAX_LINE_CHARS} from './normalize.js';
import {KNOWN_CRATE_OUTPUT, PREFILTER} from './rules.js';

/**
 * Reads raw log text in chunks and hands on only the lines the classifier can learn from: one
 * regular-expression pass over the text finds every line holding a rule's key. Every other line is
 * passed to onSkipped while wantsSkipped() says so (the classifier needs them only to see where a
 * build script's error block ends). Memory stays bounded: at most one partial line is kept, cut at
 * MAX_LINE_CHARS.
 */
export class ChunkScanner {
  private carry = '';
  /** The carried line is already MAX_LINE_CHARS long: drop the rest of it up to its newline. */
  private dropping = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onSkipped: (line: string) => void,
    private readonly wantsSkipped: () => boolean,
    /** Output lines of the known crates (blst, ring…), whatever else they say. */
    private readonly onKnownCrate: (line: string) => void,
  ) {}

  push(chunk: string): void {
    let text = chunk;
    if (this.dropping) {
      const nl = chunk.indexOf('\n');
      if (nl < 0) return;
      this.dropping = false;
      text = this.carry + chunk.slice(nl);
    } else if (this.carry !== '') {
      text = this.carry + chunk;
    }
    this.carry = '';
    const last = text.lastIndexOf('\n');
    if (last >= 0) this.scan(text, last + 1);
    this.keep(text.slice(last + 1));
  }

  end(): void {
    const rest = this.carry;
    this.carry = '';
    this.dropping = false;
    if (rest !== '') {
      this.line(rest);
      if (KNOWN_CRATE_OUTPUT.test(rest)) this.onKnownCrate(rest);
      KNOWN_CRATE_OUTPUT.lastIndex = 0;
    }
  }

  private keep(rest: string): void {
    this.carry = rest.length > MAX_LINE_CHARS ? rest.slice(0, MAX_LINE_CHARS) : rest;
    this.dropping = rest.length > MAX_LINE_CHARS;
  }

  /** text[0, to) is whole lines, each ending in a newline. */
  private scan(text: string, to: number): void {
    const re = PREFILTER;
    re.lastIndex = 0;
    let pos = 0;
    while (pos < to) {
      const m = re.exec(text);
      if (m === null || m.index >= to) break;
      const start = text.lastIndexOf('\n', m.index) + 1;
      const end = text.indexOf('\n', m.index);
      this.skip(text, pos, start);
      this.line(text.slice(start, end));
      pos = end + 1;
      re.lastIndex = pos;
    }
    this.skip(text, pos, to);
    this.knownCrates(text, to);
  }

  private knownCrates(text: string, to: number): void {
    const re = KNOWN_CRATE_OUTPUT;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
      const end = text.indexOf('\n', m.index);
      this.onKnownCrate(text.slice(text.lastIndexOf('\n', m.index) + 1, end));
      re.lastIndex = end + 1;
    }
  }

  private skip(text: string, from: number, to: number): void {
    for (let i = from; i < to && this.wantsSkipped(); ) {
      const end = text.indexOf('\n', i);
      this.onSkipped(text.slice(i, end));
      i = end + 1;
    }
  }

  /** A lone CR (a progress bar redrawing itself) ends a line too. */
  private line(raw: string): void {
    const cut = raw.length > MAX_LINE_CHARS ? raw.slice(0, MAX_LINE_CHARS) : raw;
    if (!cut.includes('\r')) this.onLine(cut);
    else for (const piece of cut.split('\r')) this.onLine(piece);
  }
}
