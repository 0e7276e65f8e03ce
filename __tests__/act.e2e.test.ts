/**
 * The mission end to end, the way users run it: .github/workflows/e2e.yml executed by nektos/act,
 * the action as a `uses: ./` step, its artifact server on 127.0.0.1, real Docker with the stand-in
 * manylinux image, real maturin and real crates (c-kzg/blst failing for real under gnu89; see the
 * workflow's header for why that flag stands in for GCC 4.8.5). The workflow's own check steps assert
 * on outputs, wheels and imports; these tests assert on the runner's result, its log and the store.
 */
import {execFileSync, spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {ROOT, STANDIN_IMAGE} from './helpers/run-bundle.js';
import {bundleRuntimes} from './helpers/runtimes.js';

const WORKFLOW = '.github/workflows/e2e.yml';
/** The Node that runs the action under act: set per runtime below. */
let currentNode = process.execPath;
const OFFLINE_DOWNLOAD = path.join(ROOT, '__tests__', 'fixtures', 'act-offline', 'download-artifact');
const timings: Record<string, number> = {};

interface ActRun {
  readonly code: number | null;
  readonly log: string;
  readonly seconds: number;
}

/** Runs one job (and the jobs it needs) of the e2e workflow under act, on the host, offline. */
async function runAct(
  job: string,
  store: string,
  cacheDir = freshStore(),
  extraEnv: readonly string[] = [],
): Promise<ActRun> {
  const args = [
    'workflow_dispatch',
    '-W',
    WORKFLOW,
    '-j',
    job,
    '-P',
    'ubuntu-latest=-self-hosted',
    '--artifact-server-path',
    store,
    '--artifact-server-addr',
    '127.0.0.1',
    '--artifact-server-port',
    '34567',
    '--cache-server-addr',
    '127.0.0.1',
    '--cache-server-path',
    cacheDir,
    '--local-repository',
    `actions/download-artifact@v4=${OFFLINE_DOWNLOAD}`,
    '--env',
    `MF_CONTAINER=${STANDIN_IMAGE}`,
    '--env',
    'MF_DOCKER_OPTIONS=--network none',
    '--env',
    `MF_ARTIFACT_STORE=${store}`,
    '--var',
    'MF_EXPECT_DOCKER_TAG=manylinux_2_31',
    '--var',
    'MF_LOCAL_E2E=true',
    ...extraEnv.flatMap((e) => ['--env', e]),
  ];
  const started = Date.now();
  // act appends upload blocks in arrival order; one block at a time keeps a >8 MiB zip intact.
  // act's host mode runs JavaScript actions (and the workflow's `node` steps) with the node on PATH.
  const env = {
    ...process.env,
    ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY: '1',
    PATH: `${path.dirname(currentNode)}${path.delimiter}${process.env.PATH}`,
  };
  const child = spawn('act', args, {cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe']});
  const chunks: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (d: string) => chunks.push(d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => chunks.push(d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (Date.now() - started) / 1000;
  const key = `${job} on ${path.basename(path.dirname(path.dirname(currentNode)))}`;
  timings[timings[key] === undefined ? key : `${key} (again)`] = seconds;
  const log = chunks.join('');
  writeFileSync(path.join(os.tmpdir(), `mf-act-${job}.log`), log);
  return {code, log, seconds};
}

function freshStore(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'mf-act-store-'));
}

/** The zips act's artifact server holds: `<store>/<run id>/<name>/<name>.zip`. */
function storedArtifacts(store: string): string[] {
  return readdirSync(store).flatMap((run) =>
    readdirSync(path.join(store, run)).map((name) => `${run}/${name}`),
  );
}

function zipEntries(zip: string): string[] {
  const out = execFileSync(
    'python3',
    ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', zip],
    {
      encoding: 'utf8',
    },
  );
  return out.split('\n').filter((l) => l !== '');
}

beforeAll(() => {
  execFileSync('act', ['--version'], {stdio: 'ignore'});
  execFileSync('docker', ['image', 'inspect', STANDIN_IMAGE], {stdio: 'ignore'});
});

afterAll(() => {
  console.log(`act scenario timings (s): ${JSON.stringify(timings)}`);
});

describe.each(bundleRuntimes())('on $name', ({node, major}) => {
  beforeAll(() => {
    currentNode = node;
  });

  it('act runs the action on this Node', async () => {
    const run = await runAct('node-version', freshStore());
    expect(run.code).toBe(0);
    expect(run.log).toContain(`maturin-fallback: running on Node v${major}.`);
  });

  describe('the e2e workflow under act, with its artifact server', () => {
    it('1. pyo3-pure builds in Docker with the image manylinux tag and no fallback', async () => {
      const store = freshStore();
      const run = await runAct('docker-success', store);
      expect(run.code).toBe(0);
      expect(run.log).toContain('tag ok: ');
      expect(run.log).toMatch(/pyo3_pure-0\.1\.0-cp39-abi3-manylinux_2_31_x86_64\.whl/);
      expect(run.log).toContain('import ok');
      expect(storedArtifacts(store)).toEqual(['1/e2e-docker-success']);
    });

    it('2. kzg-ext: blst-ckzg detected, aborted early, native fallback; the artifact holds exactly that wheel', async () => {
      const store = freshStore();
      const run = await runAct('blst-ckzg-fallback', store);
      expect(run.code).toBe(0);
      expect(run.log).toMatch(
        /✗ docker failed \(aborted early\) → blst-ckzg \[c-kzg\]: warning: c-kzg@2\.1\.8: .*'for' loop initial declarations/,
      );
      expect(run.log).toMatch(
        /✓ native succeeded in [\d.]+s → kzg_ext-0\.1\.0-cp39-abi3-manylinux_2_\d+_x86_64\.whl/,
      );
      expect(run.log).toContain('kzg ok c0000000');
      expect(run.log).toContain('artifact matches the wheel');
      // The job summary says what happened.
      expect(run.log).toMatch(/Built 1 wheel\(s\) with <code>native<\/code> after falling back/);
      expect(run.log).toMatch(
        /\| 1 \| <code>docker<\/code> \| maturin-fallback\/standin:bullseye \| ❌ failed \(aborted early\) \| <code>blst-ckzg<\/code> \| <code>c-kzg<\/code>/,
      );
      const fatal = /fatal line to container gone: ([\d.]+) s/.exec(run.log);
      expect(fatal).not.toBeNull();
      console.log(`scenario 2: fatal line to container gone in ${fatal?.[1]} s (early abort on)`);
      const zip = path.join(store, '1', 'e2e-kzg-ext', 'e2e-kzg-ext.zip');
      expect(zipEntries(zip)).toEqual([
        expect.stringMatching(/^kzg_ext-0\.1\.0-cp39-abi3-manylinux_2_\d+_x86_64\.whl$/),
      ]);
    });

    it("failure memory: run 2 skips the remembered Docker attempt (act's cache server), a new Cargo.lock tries it again", async () => {
      const store = freshStore();
      const run = await runAct('failure-memory', store);
      expect(run.code).toBe(0);
      expect(run.log).toContain('memory: failed, remembered, tried again');
      expect(run.log).toMatch(/memory: docker failed with blst-ckzg: the next run with this build skips it/);
      expect(run.log).toMatch(
        /↷ docker skipped, remembered: failed with blst-ckzg \[c-kzg\] for this Cargo\.lock on \d{4}-\d\d-\d\d in run \S+; set remember-failures: false to retry it \(evidence then: .*initial declarations/,
      );
      expect(storedArtifacts(store).sort()).toEqual([
        '1/e2e-memory-1',
        '1/e2e-memory-2',
        '1/e2e-memory-3',
        '1/e2e-memory-native',
      ]);
    });

    it('3. broken-rust fails fast with rust-compile: no native attempt, no artifact, a one-line reason', async () => {
      const store = freshStore();
      const run = await runAct('rust-compile', store);
      expect(run.code).toBe(0); // the job's own checks passed: the step failed as it should
      expect(run.log).toMatch(
        /::error::docker failed with rust-compile \[broken-rust\], which fallback-on does not allow to fall back: error\[E0308\]: mismatched types/,
      );
      expect(run.log).not.toContain('Attempt 2/2');
      expect(storedArtifacts(store)).toEqual([]);
    });

    it('4. a two-job matrix uploads two artifacts with default names that do not collide, merged by a third job', async () => {
      const store = freshStore();
      const run = await runAct('matrix-merge', store);
      expect(run.code).toBe(0);
      const names = storedArtifacts(store);
      expect(names).toHaveLength(2);
      for (const n of names) expect(n).toMatch(/^1\/wheels-x86_64-unknown-linux-gnu-[0-9a-f]{8}$/);
      const wheels = names.flatMap((n) => zipEntries(path.join(store, n, `${path.basename(n)}.zip`)));
      expect(new Set(wheels).size).toBe(2);
      expect(run.log).toMatch(/\[e2e\/matrix-merge\s*\]\s+🏁\s+Job succeeded/);
    });

    it('5. Docker daemon unreachable: docker skipped with a reason, native builds, the upload works', async () => {
      const store = freshStore();
      const run = await runAct('docker-daemon-down', store);
      expect(run.code).toBe(0);
      expect(run.log).toMatch(
        /↷ docker skipped: the Docker daemon is not reachable \(.*nonexistent\/docker\.sock/,
      );
      expect(storedArtifacts(store)).toEqual(['1/e2e-daemon-down']);
      expect(run.log).toMatch(
        /verdict: honest: manylinux_2_\d+_x86_64 claims glibc 2\.\d+; the newest needed is GLIBC_2\.\d+/,
      );
    });

    it('a wheel whose tag claims an older glibc than its files need fails the step with manylinux-policy and is not uploaded', async () => {
      const store = freshStore();
      const run = await runAct('dishonest-tag', store);
      expect(run.code).toBe(0);
      expect(run.log).toMatch(
        /::error::manylinux-policy: pyo3_pure-0\.1\.0-cp39-abi3-manylinux2014_x86_64\.manylinux_2_17_x86_64\.whl: manylinux2014_x86_64 claims glibc 2\.17, but the wheel needs GLIBC_2\.(?:1[89]|[2-9]\d) \(\w+@GLIBC_2\.\d+ in pyo3_pure\/pyo3_pure\.abi3\.so\)[^;]*; not uploaded/,
      );
      expect(run.log).toMatch(
        /verdict: dishonest: manylinux2014_x86_64 claims glibc 2\.17, but the wheel needs GLIBC_2\.\d+/,
      );
      expect(run.log).toContain(
        'dishonest wheel kept back: pyo3_pure-0.1.0-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl',
      );
      expect(storedArtifacts(store)).toEqual([]);
    });

    it('6. an unwritable artifact store fails the step clearly, and the wheels stay in out-dir, named in the error', async () => {
      const dir = freshStore();
      const store = path.join(dir, 'not-a-directory');
      writeFileSync(store, '');
      const run = await runAct('upload-failure', store);
      expect(run.code).toBe(0); // the job's checks: step failed, wheel file still there
      expect(run.log).toMatch(
        /::error::Artifact upload of 'e2e-upload-failure' failed: .*; the wheels are still in \S+\/__tests__\/fixtures\/pyo3-pure\/dist: pyo3_pure-0\.1\.0-cp39-abi3-manylinux_2_\d+_x86_64\.whl/,
      );
      expect(existsSync(store) && readFileSync(store, 'utf8')).toBe('');
    });

    it('smoke test: a wheel that builds but fails at import is classified import-crash and not uploaded', async () => {
      const store = freshStore();
      const run = await runAct('smoke-import-crash', store);
      expect(run.code).toBe(0);
      expect(run.log).toMatch(/undefined symbol: maturin_fallback_missing_symbol/);
      expect(run.log).toMatch(
        /::error::smoke test failed with import-crash: ImportError: .*undefined symbol: maturin_fallback_missing_symbol; not uploaded/,
      );
      expect(run.log).toContain('broken wheel kept back: import_crash-0.1.0-cp39-abi3-manylinux_2_');
      expect(storedArtifacts(store)).toEqual([]);
    });

    const compiled = (log: string) => log.match(/\| +Compiling \S+ v[^\n]*/g) ?? [];
    const buildSeconds = (log: string) => Number(/build seconds: ([\d.]+)/.exec(log)?.[1]);

    it("cache: a second run restores the cargo registry and the target dir from act's cache server", async () => {
      // Built from a fixed dir, as on a runner (same path every run, no target dir left on disk).
      const fixed = freshStore();
      const cacheDir = freshStore();
      const cold = await runAct('cache-warm', freshStore(), cacheDir, [`MF_CACHE_FIXED_DIR=${fixed}`]);
      const warm = await runAct('cache-warm', freshStore(), cacheDir, [`MF_CACHE_FIXED_DIR=${fixed}`]);
      expect(cold.code).toBe(0);
      expect(warm.code).toBe(0);
      expect(cold.log).toMatch(/cache: saved native target dir as maturin-fallback-target-linux-/);
      expect(warm.log).toMatch(/cache: restored cargo registry from maturin-fallback-cargo-linux-/);
      expect(warm.log).toMatch(/cache: restored native target dir from maturin-fallback-target-linux-/);
      expect(compiled(cold.log).length).toBeGreaterThan(5);
      // Every dependency comes back from the cache: only the crate itself (a fresh copy) compiles.
      expect(compiled(warm.log).map((l) => /Compiling (\S+)/.exec(l)?.[1])).toEqual(['pyo3-pure']);
      console.log(
        `cache (fixed dir): cold build ${buildSeconds(cold.log)} s, warm ${buildSeconds(warm.log)} s, ratio ${(buildSeconds(warm.log) / buildSeconds(cold.log)).toFixed(2)}`,
      );
    });

    it("cache: a moved checkout (act's own, a new dir per run) still restores and rebuilds less", async () => {
      const cacheDir = freshStore();
      const cold = await runAct('cache-warm', freshStore(), cacheDir);
      const warm = await runAct('cache-warm', freshStore(), cacheDir);
      expect(warm.code).toBe(0);
      expect(warm.log).toMatch(/cache: restored native target dir from maturin-fallback-target-linux-/);
      expect(compiled(warm.log).length).toBeLessThan(compiled(cold.log).length);
      console.log(
        `cache (moved checkout): cold build ${buildSeconds(cold.log)} s, warm ${buildSeconds(warm.log)} s, ratio ${(buildSeconds(warm.log) / buildSeconds(cold.log)).toFixed(2)}`,
      );
    });
  });
});
