import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const LOGS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'logs');

export interface LogFixture {
  readonly file: string;
  readonly cls: string;
  readonly body: string;
}

/**
 * Reads a fixture: a `# key: value` header ending at `# excerpt:`, then the verbatim log.
 * `# [gap: …]` lines mark cuts between retrieved pieces; they are not log text.
 */
export function readLogFixture(file: string): LogFixture {
  const text = readFileSync(path.join(LOGS_DIR, file), 'utf8');
  const lines = text.split('\n');
  const end = lines.findIndex((l) => l.startsWith('# excerpt:'));
  if (end < 0) throw new Error(`${file}: no '# excerpt:' header line`);
  const cls = lines.slice(0, end).find((l) => l.startsWith('# class:'));
  if (!cls) throw new Error(`${file}: no '# class:' header line`);
  const body = lines
    .slice(end + 1)
    .filter((l) => !l.startsWith('# [gap'))
    .join('\n');
  return {file, cls: cls.replace('# class:', '').trim(), body};
}

export function allLogFixtures(): LogFixture[] {
  return readdirSync(LOGS_DIR)
    .filter((f) => f.endsWith('.log'))
    .sort()
    .map(readLogFixture);
}
