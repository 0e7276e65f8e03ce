import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from '@jest/globals';
import {ROOT} from './helpers/run-bundle.js';

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), {withFileTypes: true})
    .flatMap((e) =>
      e.isDirectory() ? listFiles(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)],
    )
    .sort();
}

describe('committed dist/', () => {
  it('is exactly what a fresh build of src/ produces', () => {
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'mf-dist-'));
    execFileSync(process.execPath, ['esbuild.config.mjs', '--outdir', fresh], {cwd: ROOT});
    const committed = path.join(ROOT, 'dist');
    expect(listFiles(committed)).toEqual(listFiles(fresh));
    for (const f of listFiles(fresh)) {
      expect({
        file: f,
        same: readFileSync(path.join(committed, f)).equals(readFileSync(path.join(fresh, f))),
      }).toEqual({file: f, same: true});
    }
  });

  it('runs under node: the CLI classifies a log from stdin', () => {
    const out = execFileSync(
      process.execPath,
      [path.join(ROOT, 'dist', 'cli.js'), 'classify', '--json', '-'],
      {
        input: 'error: failed to run custom build command for `c-kzg v2.1.8`\n',
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out)).toMatchObject({class: 'blst-ckzg', crates: ['c-kzg'], fallback: true});
  });

  it('runs under node: the CLI reads a raw log downloaded from a GitHub run (timestamps, groups, ANSI)', () => {
    const raw = [
      '2026-11-25T10:00:00.0000000Z ##[group]Run PyO3/maturin-action@v1',
      '2026-11-25T10:00:01.0000000Z \u001b[1m\u001b[33mwarning\u001b[0m: ring@0.17.8: aesv8-armx-linux64.S:4: error: #error "ARM assembler must define __ARM_ARCH"\r',
      '2026-11-25T10:00:01.1000000Z \u001b[1m\u001b[31merror\u001b[0m: failed to run custom build command for `ring v0.17.8`\r',
      "2026-11-25T10:00:02.0000000Z ##[error]The process '/usr/bin/docker' failed with exit code 1",
    ].join('\n');
    const out = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'classify', '-'], {
      input: raw,
      encoding: 'utf8',
    });
    expect(out).toMatch(/^class: +ring$/m);
    expect(out).toMatch(/^crates: +ring$/m);
    expect(out).toMatch(/^fallback: yes/m);
  });
});
