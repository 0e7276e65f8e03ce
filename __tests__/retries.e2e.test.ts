/**
 * Transient failures, for real: a registry on 127.0.0.1 that refuses connections (docker pull), and
 * a proxy on 127.0.0.1 that refuses them (cargo downloading crates into an empty CARGO_HOME).
 */
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from '@jest/globals';
import {attemptsOf, makeWorkspace, runBundle} from './helpers/run-bundle.js';

describe('transient failures are retried on the same strategy before the chain moves on', () => {
  it('retries only the docker pull from an unreachable registry, then falls back to native', async () => {
    const ws = makeWorkspace('pyo3-pure');
    const run = await runBundle({
      workspace: ws,
      inputs: {
        'working-directory': 'pyo3-pure',
        container: '127.0.0.1:9/maturin-fallback/absent:latest',
        retries: '2',
        'retry-delay': '1',
      },
    });
    expect(run.code).toBe(0);
    expect(run.log).toContain(
      'maturin-fallback: pulling 127.0.0.1:9/maturin-fallback/absent:latest (try 3/3)',
    );
    expect(run.log.match(/docker pull failed \(exit 1\); retrying in (\d+)s/g)).toEqual([
      'docker pull failed (exit 1); retrying in 1s',
      'docker pull failed (exit 1); retrying in 2s',
    ]);
    const [docker, native] = attemptsOf(run);
    expect(docker).toMatchObject({strategy: 'docker', outcome: 'failed', class: 'docker-pull'});
    expect(native).toMatchObject({strategy: 'native', outcome: 'success'});
    expect(run.outputs['fell-back']).toBe('true');
  });

  it('re-runs an attempt that hit a network error, then stops with failure-class network', async () => {
    const ws = makeWorkspace('pyo3-pure');
    const cargoHome = mkdtempSync(path.join(os.tmpdir(), 'mf-empty-cargo-home-'));
    const run = await runBundle({
      workspace: ws,
      inputs: {'working-directory': 'pyo3-pure', strategies: 'native', retries: '1', 'retry-delay': '1'},
      env: {
        CARGO_HOME: cargoHome,
        CARGO_HTTP_PROXY: 'http://127.0.0.1:9',
        CARGO_NET_RETRY: '0',
        RUSTUP_TOOLCHAIN: 'stable',
      },
    });
    expect(run.code).toBe(1);
    expect(run.log).toMatch(/↻ native hit a network error \(.+\); retry 1\/1 in 1s/);
    expect(
      run.log.match(/failed to download from `https:\/\/index\.crates\.io\/config\.json`\n/g),
    ).toHaveLength(2);
    expect(run.outputs['failure-class']).toBe('network');
  });
});

describe('a cache service that cannot be reached', () => {
  it('is a warning, never a failure: the failure memory goes without it, the build succeeds', async () => {
    // The cache client talks to 127.0.0.1:9, where nothing listens. The docker attempt fails on
    // c-kzg (gnu89) and is worth remembering, so the memory tries to save too.
    const run = await runBundle({
      workspace: makeWorkspace('kzg-ext'),
      inputs: {
        'working-directory': 'kzg-ext',
        container: 'maturin-fallback/standin:bullseye',
        'docker-options': '--network none -e CFLAGS=-std=gnu89',
        args: '--release',
        'smoke-test': 'false',
        cache: 'false', // the memory alone talks to the cache service (each call retries with backoff)
      },
      env: {ACTIONS_CACHE_URL: 'http://127.0.0.1:9/', ACTIONS_RUNTIME_TOKEN: 'no-service-here'},
    });
    expect(run.code).toBe(0);
    expect(run.outputs.strategy).toBe('native');
    expect(run.log).toMatch(/::warning::Failed to restore: .*ECONNREFUSED 127\.0\.0\.1:9/);
    expect(run.log).toMatch(
      /::warning::memory: could not save the failure of docker \(maturin-fallback-failmem-v1-/,
    );
    expect(run.log).not.toMatch(/the next run with this build skips it/);
    expect(run.log).not.toContain('::error::');
  });
});
