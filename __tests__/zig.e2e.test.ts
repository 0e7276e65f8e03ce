/**
 * The zig strategy for real on x86_64 (cross targets need a Rust std for them, which cannot be
 * installed here; their planning and argv are covered in planner.test.ts).
 */
import path from 'node:path';
import {describe, expect, it} from '@jest/globals';
import {attemptsOf, importWheel, makeWorkspace, runBundle, STANDIN_IMAGE} from './helpers/run-bundle.js';

describe('zig strategy', () => {
  it('is the middle step for blst/c-kzg: docker fails (gnu89), zig:2014 builds a manylinux_2_17 wheel that works', async () => {
    const ws = makeWorkspace('kzg-ext');
    const run = await runBundle({
      workspace: ws,
      inputs: {
        'working-directory': 'kzg-ext',
        strategies: 'docker, zig:2014, native',
        container: STANDIN_IMAGE,
        'docker-options': '--network none -e CFLAGS=-std=gnu89',
        args: '--release',
      },
    });
    expect(run.code).toBe(0);
    const attempts = attemptsOf(run);
    expect(attempts.map((a) => [a.strategy, a.outcome, a.class])).toEqual([
      ['docker', 'failed', 'blst-ckzg'],
      ['zig:2014', 'success', undefined],
    ]);
    const wheel = run.outputs.wheels;
    expect(path.basename(wheel)).toBe(
      'kzg_ext-0.1.0-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl',
    );
    const commitment = importWheel(wheel, 'import kzg_ext; print(kzg_ext.zero_blob_commitment_hex())');
    expect(commitment).toBe(`c0${'0'.repeat(94)}`);
    console.log(`zig:2014 kzg-ext wheel: ${path.basename(wheel)}; import ok (${commitment.slice(0, 8)}…)`);
  });

  it('classifies a zig linker rejection as zig and moves on to native', async () => {
    const ws = makeWorkspace('pyo3-pure');
    const run = await runBundle({
      workspace: ws,
      inputs: {
        'working-directory': 'pyo3-pure',
        strategies: 'zig, native',
        'fallback-on': 'environment, zig',
      },
      // GNU ld accepts -z nostart-stop-gc; zig's linker driver does not (a real cargo-zigbuild issue).
      env: {RUSTFLAGS: '-C link-arg=-Wl,-z,nostart-stop-gc'},
    });
    expect(run.code).toBe(0);
    const [zig, native] = attemptsOf(run);
    expect(zig).toMatchObject({strategy: 'zig', outcome: 'failed', class: 'zig'});
    expect(native).toMatchObject({strategy: 'native', outcome: 'success'});
    expect(run.log).toMatch(
      /✗ zig failed \(.*\) → zig \[pyo3-pure\]: .*unsupported linker extension flag: -z nostart-stop-gc; falling back to native/,
    );
  });
});
