import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const LOGS_DIR = path.join(FIXTURES_DIR, 'logs');
/** Which corpus logs rules may be tuned on, and which are held out (scripts/split-corpus.mjs). */
export const SPLIT_FILE = path.join(FIXTURES_DIR, 'corpus-split.json');

export interface LogFixture {
  readonly file: string;
  readonly cls: string;
  readonly body: string;
  /** Every `# key: value` header line. */
  readonly header: Readonly<Record<string, string>>;
}

export interface CorpusSplit {
  readonly seed: number;
  readonly heldOut: readonly string[];
  readonly tuning: readonly string[];
}

/**
 * Reads a fixture: a `# key: value` header ending at `# excerpt:`, then the verbatim log.
 * `# [gap: …]` lines mark cuts between retrieved pieces; they are not log text.
 */
export function readLogFixture(file: string, dir = LOGS_DIR): LogFixture {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const lines = text.split('\n');
  const end = lines.findIndex((l) => l.startsWith('# excerpt:'));
  if (end < 0) throw new Error(`${file}: no '# excerpt:' header line`);
  const header: Record<string, string> = {};
  for (const l of lines.slice(0, end + 1)) {
    const m = /^# ([a-z-]+): ?(.*)$/.exec(l);
    if (m) header[m[1]] = m[2].trim();
  }
  if (!header.class) throw new Error(`${file}: no '# class:' header line`);
  const body = lines
    .slice(end + 1)
    .filter((l) => !l.startsWith('# [gap'))
    .join('\n');
  return {file, cls: header.class, body, header};
}

export function allLogFixtures(dir = LOGS_DIR): LogFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .sort()
    .map((f) => readLogFixture(f, dir));
}

export function readSplit(file = SPLIT_FILE): CorpusSplit {
  return JSON.parse(readFileSync(file, 'utf8')) as CorpusSplit;
}
