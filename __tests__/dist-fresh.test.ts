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
});
