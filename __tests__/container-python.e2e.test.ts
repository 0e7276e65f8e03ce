/**
 * The container's Python follows the runner, and every wheel is smoke-tested with its own
 * interpreter: the built bundle on real Docker and maturin. maturin-fallback/standin-py:bullseye is
 * the stand-in image without `python3` (only python3.9), as in the pypa images; pyo3-versioned is a
 * non-abi3 crate (one cp3X-cp3X wheel per interpreter) with requires-python >= 3.9. The runner's
 * interpreters come from pyenv (the machine has 3.8-3.13), linked into a bin dir put first on PATH.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, symlinkSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from '@jest/globals';
import {attemptsOf, makeWorkspace, runBundle} from './helpers/run-bundle.js';

const PY_IMAGE = 'maturin-fallback/standin-py:bullseye';
const PYENV = process.env.PYENV_ROOT || path.join(os.homedir(), '.pyenv');

/** A bin dir with python3.X for each given minor (and python3 → the first), from pyenv's versions. */
function pythonBin(minors: readonly number[]): string {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'mf-pybin-'));
  const versions = readdirSync(path.join(PYENV, 'versions'));
  for (const [i, minor] of minors.entries()) {
    const dir = versions.find((v) => new RegExp(`^3\\.${minor}\\.\\d+$`).test(v));
    if (!dir) throw new Error(`pyenv has no Python 3.${minor} (${versions.join(', ')})`);
    const exe = path.join(PYENV, 'versions', dir, 'bin', `python3.${minor}`);
    symlinkSync(exe, path.join(bin, `python3.${minor}`));
    if (i === 0) symlinkSync(exe, path.join(bin, 'python3'));
  }
  return bin;
}

const withPath = (bin: string) => ({PATH: `${bin}${path.delimiter}${process.env.PATH}`});

beforeAll(() => {
  execFileSync('docker', ['image', 'inspect', PY_IMAGE], {stdio: 'ignore'});
  // The image really has no python3: maturin's default would find nothing.
  expect(() =>
    execFileSync('docker', ['run', '--rm', '--network', 'none', PY_IMAGE, 'sh', '-c', 'command -v python3'], {
      stdio: 'pipe',
    }),
  ).toThrow();
});

describe("the container's Python follows the runner", () => {
  it('builds for the newest python3.X the image has when the runner has another version', async () => {
    const run = await runBundle({
      workspace: makeWorkspace('pyo3-versioned'),
      inputs: {
        'working-directory': 'pyo3-versioned',
        container: PY_IMAGE,
        strategies: 'docker',
        'docker-options': '--network none',
      },
      env: withPath(pythonBin([11, 9])), // the runner's python3 is 3.11, the image has only 3.9
    });
    expect(run.code).toBe(0);
    expect(run.log).toContain(
      "maturin-fallback: the container builds for python3.9: the newest the image has that requires-python >=3.9 allows (the runner's 3.11 is not in the image) (pass -i in args to choose)",
    );
    expect(path.basename(run.outputs.wheels)).toBe(
      'pyo3_versioned-0.1.0-cp39-cp39-manylinux_2_31_x86_64.whl',
    );
    // and the cp39 wheel is smoke-tested with the runner's python3.9, not skipped
    expect(run.outputs['smoke-test']).toBe('passed');
    expect(run.log).toMatch(
      /smoke test: pyo3_versioned-0\.1\.0-cp39-cp39-manylinux_2_31_x86_64\.whl: passed with python3\.9: imported pyo3_versioned/,
    );
  });

  it("builds for the runner's own version when the image has it", async () => {
    const run = await runBundle({
      workspace: makeWorkspace('pyo3-versioned'),
      inputs: {
        'working-directory': 'pyo3-versioned',
        container: PY_IMAGE,
        strategies: 'docker',
        'docker-options': '--network none',
      },
      env: withPath(pythonBin([9])),
    });
    expect(run.code).toBe(0);
    expect(run.log).toContain(
      "the container builds for python3.9: the runner's python3 is 3.9; requires-python >=3.9",
    );
  });

  it('leaves the choice to the user: -i python3 in args fails in this image, for the reason the choice avoids', async () => {
    const run = await runBundle({
      workspace: makeWorkspace('pyo3-versioned'),
      inputs: {
        'working-directory': 'pyo3-versioned',
        container: PY_IMAGE,
        strategies: 'docker',
        'docker-options': '--network none',
        args: '-i python3',
      },
      env: withPath(pythonBin([11, 9])),
    });
    expect(run.code).toBe(1);
    expect(run.log).not.toContain('the container builds for');
    const [docker] = attemptsOf(run);
    expect(docker).toMatchObject({outcome: 'failed', class: 'python'});
  });

  it('keeps abi3 projects as they are (no -i)', async () => {
    const run = await runBundle({
      workspace: makeWorkspace('pyo3-pure'),
      inputs: {'working-directory': 'pyo3-pure', strategies: 'native', args: '--release'},
      env: withPath(pythonBin([11])),
    });
    expect(run.code).toBe(0);
    expect(run.log).not.toContain('the container builds for');
  });
});

describe('a smoke test for every wheel, with its own interpreter', () => {
  it('tests the cp311 and the cp312 wheel of one build, each with its Python, and lists both in the summary', async () => {
    const bin = pythonBin([11, 12]);
    const run = await runBundle({
      workspace: makeWorkspace('pyo3-versioned'),
      inputs: {
        'working-directory': 'pyo3-versioned',
        strategies: 'native',
        args: `--release -i ${path.join(bin, 'python3.11')} ${path.join(bin, 'python3.12')}`,
      },
      env: withPath(bin),
    });
    expect(run.code).toBe(0);
    const wheels = run.outputs.wheels.split('\n').map((w) => path.basename(w));
    expect(wheels).toEqual([
      expect.stringMatching(/^pyo3_versioned-0\.1\.0-cp311-cp311-manylinux_2_\d+_x86_64\.whl$/),
      expect.stringMatching(/^pyo3_versioned-0\.1\.0-cp312-cp312-manylinux_2_\d+_x86_64\.whl$/),
    ]);
    expect(run.outputs['smoke-test']).toBe('passed');
    expect(run.log).toMatch(
      /smoke test: pyo3_versioned-0\.1\.0-cp311-\S+: passed with \S*python3\.11: imported pyo3_versioned/,
    );
    expect(run.log).toMatch(
      /smoke test: pyo3_versioned-0\.1\.0-cp312-\S+: passed with \S*python3\.12: imported pyo3_versioned/,
    );
    expect(run.summary).toMatch(
      /\| <code>pyo3_versioned-0\.1\.0-cp311-\S+<\/code> \| ✅ passed \| \S*python3\.11 \|/,
    );
    expect(run.summary).toMatch(
      /\| <code>pyo3_versioned-0\.1\.0-cp312-\S+<\/code> \| ✅ passed \| \S*python3\.12 \|/,
    );
  });

  it('reports a wheel with no matching interpreter as not tested, and smoke-test: true fails on it', async () => {
    // Built in the container for 3.9; the runner offers only 3.11 and 3.12.
    const ws = makeWorkspace('pyo3-versioned');
    const inputs = {
      'working-directory': 'pyo3-versioned',
      container: PY_IMAGE,
      strategies: 'docker',
      'docker-options': '--network none',
    };
    const auto = await runBundle({workspace: ws, inputs, env: withPath(pythonBin([11, 12]))});
    expect(auto.code).toBe(0);
    expect(auto.outputs['smoke-test']).toBe('skipped');
    expect(auto.log).toMatch(
      /smoke test: pyo3_versioned-0\.1\.0-cp39-cp39-\S+: not-tested: no Python 3\.9 on this runner \(found [\d., ]*3\.11[\d., ]*3\.12/,
    );
    const strict = await runBundle({
      workspace: makeWorkspace('pyo3-versioned'),
      inputs: {...inputs, 'smoke-test': 'true'},
      env: withPath(pythonBin([11, 12])),
    });
    expect(strict.code).toBe(1);
    expect(strict.outputs['smoke-test']).toBe('failed');
    expect(strict.log).toMatch(
      /smoke-test: true, and pyo3_versioned-0\.1\.0-cp39-cp39-\S+ could not be tested: no Python 3\.9/,
    );
    expect(existsSync(path.join(ws, 'pyo3-versioned', 'dist'))).toBe(true);
  });
});
