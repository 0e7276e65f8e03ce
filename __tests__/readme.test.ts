import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from '@jest/globals';
import {FAILURE_CLASSES, REMEDIES} from '../src/classify/classes.js';
import {DEFAULT_FALLBACK_ON} from '../src/classify/classifier.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCRIPT = path.join(ROOT, 'scripts', 'readme-tables.mjs');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const TROUBLESHOOTING = readFileSync(path.join(ROOT, 'docs', 'troubleshooting.md'), 'utf8');

function runScript(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], {cwd: ROOT, encoding: 'utf8'});
}

/** The README's class table: class name → its other cells (remedies contain no `|`). */
function classRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of README.split('\n')) {
    if (!line.startsWith('| [`')) continue;
    const [first, ...rest] = line
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
    const m = /^\[`([a-z-]+)`\]\(docs\/troubleshooting\.md#([a-z-]+)\)$/.exec(first);
    if (m && m[1] === m[2]) rows.set(m[1], rest);
  }
  return rows;
}

describe('README tables generated from action.yml', () => {
  it('are up to date (readme-tables --check exits 0)', () => {
    const r = runScript('--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('--check exits 1 for a stale README', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'readme-tables-'));
    try {
      const stale = path.join(dir, 'README.md');
      writeFileSync(stale, README.replace(/^\| `upload` +\|[^\n]*\n/m, ''));
      const r = runScript('--check', '--readme', stale);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('stale');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe('failure class documentation', () => {
  const headings = new Set(
    TROUBLESHOOTING.split('\n')
      .map((l) => /^## (\S+)\s*$/.exec(l)?.[1])
      .filter((h): h is string => h !== undefined),
  );
  const anchors = new Set([...TROUBLESHOOTING.matchAll(/<a id="([^"]+)"/g)].map((m) => m[1]));

  it.each(FAILURE_CLASSES.map((cls) => ({cls})))(
    'docs/troubleshooting.md has a section for $cls',
    ({cls}) => {
      expect(headings.has(cls) || anchors.has(cls)).toBe(true);
    },
  );

  it('README class table lists every class with its remedy and default fallback', () => {
    const rows = classRows();
    expect([...rows.keys()].sort()).toEqual([...FAILURE_CLASSES].sort());
    for (const cls of FAILURE_CLASSES) {
      const [fallsBack, remedy] = rows.get(cls) ?? [];
      expect({cls, fallsBack}).toEqual({cls, fallsBack: DEFAULT_FALLBACK_ON.has(cls) ? 'yes' : 'no'});
      expect({cls, remedy}).toEqual({cls, remedy: REMEDIES[cls]});
    }
  });
});

describe('release hygiene', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');

  it('the LICENSE is the license package.json names', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });

  it('CHANGELOG.md has an Unreleased section and one for the version in package.json (the release workflow requires it)', () => {
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    expect(changelog).toContain(`\n## [${pkg.version}] - `);
  });

  it('the README front door stays short and links the moved docs', () => {
    expect(README.split('\n').length).toBeLessThan(300);
    for (const doc of [
      'how-it-works',
      'cli',
      'performance',
      'development',
      'classifier-eval',
      'troubleshooting',
    ])
      expect(README).toContain(`(docs/${doc}.md)`);
  });
});
