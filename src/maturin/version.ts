import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parse} from 'smol-toml';

type Version = number[];

function parseVersion(text: string): Version | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Whether `1.9.4` satisfies a PEP 440 specifier set such as `>=1.5,<2.0` or `==1.9.*` (release segments only). */
export function satisfies(version: string, specifier: string): boolean {
  const v = parseVersion(version);
  if (!v) return false;
  return specifier
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .every((clause) => {
      const m = /^(~=|==|!=|<=|>=|<|>|===)?\s*([\d.*]+)/.exec(clause);
      if (!m) return false;
      const [, op = '==', raw] = m;
      if (raw.endsWith('.*')) {
        const prefix = raw.slice(0, -2).split('.').map(Number);
        const match = prefix.every((p, i) => v[i] === p);
        return op === '!=' ? !match : match;
      }
      const w = parseVersion(raw) as Version;
      const c = compare(v, w);
      if (op === '~=') {
        const parts = raw.split('.').length;
        const upper = [...w];
        upper[Math.max(parts - 2, 0)]++;
        for (let i = Math.max(parts - 1, 1); i < 3; i++) upper[i] = 0;
        return c >= 0 && compare(v, upper) < 0;
      }
      return (
        {'==': c === 0, '===': c === 0, '!=': c !== 0, '<=': c <= 0, '>=': c >= 0, '<': c < 0, '>': c > 0}[
          op
        ] ?? false
      );
    });
}

/** The maturin requirement: the input if set, else pyproject's [build-system] requires, else any. */
export function maturinRequirement(input: string, workdir: string): string {
  if (input === 'latest') return '';
  if (input !== '') return `==${input}`;
  try {
    const doc = parse(readFileSync(path.join(workdir, 'pyproject.toml'), 'utf8')) as {
      'build-system'?: {requires?: string[]};
    };
    const req = doc['build-system']?.requires?.find((r) => /^maturin\b/i.test(r.trim()));
    return req
      ? req
          .trim()
          .replace(/^maturin\s*(?:\[[^\]]*\])?\s*/i, '')
          .replace(/;.*$/, '')
      : '';
  } catch {
    return '';
  }
}

/** `maturin 1.9.4` → `1.9.4`. */
export function parseMaturinVersionOutput(text: string): string | undefined {
  return /maturin\s+v?(\d+\.\d+\.\d+\S*)/.exec(text)?.[1];
}
