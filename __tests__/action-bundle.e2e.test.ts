/**
 * The built bundle (dist/index.js), run the way the Actions runner runs it, against real Docker,
 * a real locally built manylinux stand-in image (bullseye, glibc 2.31), real maturin from PyPI and
 * real crates. scripts/setup.sh prepares all of it.
 *
 * Why `-e CFLAGS=-std=gnu89`: in the wild, c-kzg fails in ghcr.io/rust-cross/manylinux2014-cross:*
 * because their GCC 4.8.5 compiles C in its default gnu89 dialect, which rejects c-kzg's C99 code
 * (`'for' loop initial declarations are only allowed in C99 or C11 mode`). The stand-in image has
 * GCC 10; forcing the same dialect makes the real c-kzg sources fail in the real cc-rs build script
 * exactly as they do there. Those cross images cannot be pulled here.
 */
import {execFileSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {
  attemptsOf,
  builderIds,
  importWheel,
  labelledContainers,
  makeWorkspace,
  rootOwnedFiles,
  runBundle,
  STANDIN_IMAGE,
  startBundle,
} from './helpers/run-bundle.js';
import {bundleRuntimes} from './helpers/runtimes.js';

const timings: Record<string, number> = {};

async function timed<T>(name: string, f: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await f();
  } finally {
    timings[name] = (Date.now() - start) / 1000;
  }
}

beforeAll(() => {
  execFileSync('docker', ['image', 'inspect', STANDIN_IMAGE], {stdio: 'ignore'});
});

afterAll(() => {
  console.log(`real scenario timings (s): ${JSON.stringify(timings)}`);
});

describe.each(bundleRuntimes())('on $name', ({node, major}) => {
  it('runs the bundle on this Node', () => {
    expect(execFileSync(node, ['--version'], {encoding: 'utf8'})).toMatch(new RegExp(`^v${major}\\.`));
  });

  describe('the action bundle on real Docker, maturin and crates', () => {
    it('1. builds pyo3-pure in the stand-in manylinux image with no fallback and the image tag', async () => {
      const ws = makeWorkspace('pyo3-pure');
      const run = await timed('docker-success', () =>
        runBundle({
          node,
          workspace: ws,
          inputs: {
            'working-directory': 'pyo3-pure',
            container: STANDIN_IMAGE,
            'docker-options': '--network none',
            args: '--release',
          },
        }),
      );
      expect(run.code).toBe(0);
      expect(run.outputs.strategy).toBe('docker');
      expect(run.outputs['fell-back']).toBe('false');
      expect(run.outputs['failure-class']).toBe('');
      const wheels = run.outputs.wheels.split('\n');
      expect(wheels).toHaveLength(1);
      expect(path.basename(wheels[0])).toMatch(/^pyo3_pure-0\.1\.0-cp39-abi3-manylinux_2_31_x86_64\.whl$/);
      expect(path.dirname(wheels[0])).toBe(path.join(ws, 'pyo3-pure', 'dist'));
      expect(run.log).toMatch(/::group::Attempt 1\/2: docker in maturin-fallback\/standin:bullseye/);
      expect(run.log).toContain('upload skipped');
      expect(run.outputs['smoke-test']).toBe('passed');
      expect(run.log).toContain('imported pyo3_pure');
      expect(importWheel(wheels[0], 'import pyo3_pure; print(pyo3_pure.add(2, 3))')).toBe('5');
    });

    it('2. classifies the real c-kzg gnu89 failure as blst-ckzg, aborts early, and falls back to native', async () => {
      const ws = makeWorkspace('kzg-ext');
      const run = await timed('blst-ckzg-fallback', () =>
        runBundle({
          node,
          workspace: ws,
          inputs: {
            'working-directory': 'kzg-ext',
            container: STANDIN_IMAGE,
            'docker-options': '--network none -e CFLAGS=-std=gnu89',
            args: '--release',
          },
        }),
      );
      expect(run.code).toBe(0);
      const [docker, native] = attemptsOf(run);
      expect(docker).toMatchObject({
        strategy: 'docker',
        outcome: 'failed',
        class: 'blst-ckzg',
        crates: ['c-kzg'],
        abortedEarly: true,
      });
      expect(docker.evidence).toMatch(
        /c-kzg@2\.1\.8: .*error: 'for' loop initial declarations are only allowed in C99/,
      );
      expect(docker.fatalToEndSeconds).toBeLessThan(10);
      expect(native).toMatchObject({strategy: 'native', outcome: 'success'});
      expect(run.outputs).toMatchObject({
        strategy: 'native',
        'fell-back': 'true',
        'fallback-reason': 'failed: blst-ckzg',
        'failure-class': 'blst-ckzg',
      });
      expect(run.log).toMatch(
        /✗ docker failed \(aborted early\) → blst-ckzg \[c-kzg\]: .*; falling back to native/,
      );
      expect(run.log).toMatch(/::warning::docker failed \(blst-ckzg\); falling back to native/);
      const wheels = run.outputs.wheels.split('\n');
      expect(wheels).toHaveLength(1);
      expect(path.basename(wheels[0])).toMatch(/^kzg_ext-0\.1\.0-cp39-abi3-manylinux_2_\d+_x86_64\.whl$/);
      expect(readdirSync(path.join(ws, 'kzg-ext', 'dist'))).toEqual([path.basename(wheels[0])]);
      expect(importWheel(wheels[0], 'import kzg_ext; print(kzg_ext.zero_blob_commitment_hex())')).toBe(
        `c0${'0'.repeat(94)}`,
      );
      expect(run.summary).toContain('<code>blst-ckzg</code>');
      expect(run.summary).toContain('<details>');
      expect(run.summary).toMatch(/manylinux: 2_28/);
      expect(labelledContainers()).toEqual([]);
    });

    it('3. stops at a Rust compile error with failure-class rust-compile and no native attempt', async () => {
      const ws = makeWorkspace('broken-rust');
      const run = await timed('rust-compile', () =>
        runBundle({
          node,
          workspace: ws,
          inputs: {
            'working-directory': 'broken-rust',
            container: STANDIN_IMAGE,
            'docker-options': '--network none',
          },
        }),
      );
      expect(run.code).toBe(1);
      expect(run.outputs['failure-class']).toBe('rust-compile');
      expect(run.outputs.strategy).toBe('');
      expect(run.outputs.wheels).toBe('');
      const list = attemptsOf(run);
      expect(list.map((a) => [a.strategy, a.outcome, a.class])).toEqual([
        ['docker', 'failed', 'rust-compile'],
      ]);
      expect(run.log).toMatch(
        /::error::docker failed with rust-compile \[broken-rust\], which fallback-on does not allow to fall back: error\[E0308\]: mismatched types/,
      );
      expect(run.log).not.toContain('Attempt 2/2');
    });

    it('4. skips Docker when the daemon is unreachable and builds natively', async () => {
      const ws = makeWorkspace('pyo3-pure');
      const run = await timed('docker-daemon-down', () =>
        runBundle({
          node,
          workspace: ws,
          inputs: {'working-directory': 'pyo3-pure', 'rustup-components': 'clippy, rustfmt'},
          env: {DOCKER_HOST: 'unix:///nonexistent/docker.sock'},
        }),
      );
      expect(run.code).toBe(0);
      const [docker, native] = attemptsOf(run);
      expect(docker.outcome).toBe('skipped');
      expect(docker.reason).toMatch(
        /Docker daemon is not reachable .*Cannot connect to the Docker daemon at unix:\/\/\/nonexistent\/docker\.sock/,
      );
      expect(native.outcome).toBe('success');
      // fell-back: the wheels did not come from the first strategy listed, and fallback-reason says why
      expect(run.outputs).toMatchObject({strategy: 'native', 'fell-back': 'true', 'failure-class': ''});
      expect(run.outputs['fallback-reason']).toMatch(/^skipped: the Docker daemon is not reachable/);
      expect(path.basename(run.outputs.wheels)).toMatch(/manylinux_2_\d+_x86_64\.whl$/);
      expect(run.log).toMatch(/↷ docker skipped: the Docker daemon is not reachable/);
      // rustup-components: added on the host before maturin runs (both are installed here, so no download)
      expect(run.log).toMatch(
        /info: component '?clippy'? .*is up to date[\s\S]*info: component '?rustfmt'? .*is up to date[\s\S]*📦 Built wheel/,
      );
    });
  });

  describe('non-build commands pass straight through to maturin on the host', () => {
    it('command: list-python writes no file and succeeds (only build and sdist must produce files)', async () => {
      const run = await runBundle({
        node,
        workspace: makeWorkspace('pyo3-pure'),
        inputs: {'working-directory': 'pyo3-pure', command: 'list-python'},
      });
      expect(run.code).toBe(0);
      expect(attemptsOf(run).map((a) => [a.strategy, a.outcome])).toEqual([['native', 'success']]);
      expect(run.log).toMatch(/CPython 3\.\d+/);
      expect(run.outputs.wheels).toBe('');
    });

    it('command: sdist writes the source distribution to out-dir, with no docker attempt and no smoke test', async () => {
      const ws = makeWorkspace('pyo3-pure');
      const run = await timed('sdist', () =>
        runBundle({
          node,
          workspace: ws,
          inputs: {'working-directory': 'pyo3-pure', command: 'sdist'},
        }),
      );
      expect(run.code).toBe(0);
      expect(readdirSync(path.join(ws, 'pyo3-pure', 'dist'))).toEqual(['pyo3_pure-0.1.0.tar.gz']);
      expect(attemptsOf(run).map((a) => [a.strategy, a.outcome])).toEqual([['native', 'success']]);
      expect(run.outputs.wheels).toBe('');
      expect(run.outputs['smoke-test']).toBe('skipped');
      expect(run.log).not.toContain('docker');
    });
  });

  describe('ownership and cancellation as a non-root runner user', () => {
    const builder = builderIds();

    it('5a. leaves no root-owned file in the workspace, target dir or out dir after a failed Docker attempt', async () => {
      const ws = makeWorkspace('kzg-ext', builder);
      const run = await timed('ownership-after-failure', () =>
        runBundle({
          node,
          asBuilder: true,
          workspace: ws,
          inputs: {
            'working-directory': 'kzg-ext',
            strategies: 'docker',
            container: STANDIN_IMAGE,
            'docker-options': '--network none -e CFLAGS=-std=gnu89',
            args: '--release',
          },
        }),
      );
      expect(run.code).toBe(1);
      expect(run.outputs['failure-class']).toBe('blst-ckzg');
      // The container did write here, as root: the target dir exists and holds build output.
      expect(readdirSync(path.join(ws, 'kzg-ext', 'target', 'maturin-fallback')).length).toBeGreaterThan(0);
      expect(rootOwnedFiles(ws)).toEqual([]);
      expect(rootOwnedFiles('/home/builder/.cargo')).toEqual([]);
    });

    it('5b. SIGTERM during a Docker attempt removes the container', async () => {
      const ws = makeWorkspace('kzg-ext', builder);
      const {child} = startBundle({
        node,
        asBuilder: true,
        workspace: ws,
        inputs: {
          'working-directory': 'kzg-ext',
          strategies: 'docker',
          container: STANDIN_IMAGE,
          'docker-options': '--network none',
        },
      });
      const deadline = Date.now() + 120_000;
      while (labelledContainers().length === 0 && Date.now() < deadline && child.exitCode === null) {
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(labelledContainers()).toHaveLength(1);
      // Signal the action's node process itself (runuser's child), as the runner does on cancel.
      const nodePid = execFileSync('pgrep', ['-P', String(child.pid), '-f', 'dist/index.js'], {
        encoding: 'utf8',
      }).trim();
      process.kill(Number(nodePid), 'SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(143);
      expect(labelledContainers()).toEqual([]);
    });
  });
});
