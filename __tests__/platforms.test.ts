/**
 * macOS and Windows runners, with the platform injected (these machines are Linux; the
 * macos-latest and windows-latest jobs of .github/workflows/e2e.yml run the real thing on GitHub):
 * the plan, the host steps and maturin's argv, venv and interpreter paths, the smoke test's choice
 * of interpreter from the tool cache, cache keys, artifact names and the maturin install layout.
 */
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from '@jest/globals';
import {type KeyContext, registryEntry, targetEntry} from '../src/cache/cache.js';
import {maturinArgv, planBuild} from '../src/plan/planner.js';
import {pythonProgram, rustTargets, targetScripts, venvPython} from '../src/plan/platform.js';
import {killTarget, nodeProcesses, ownGroup} from '../src/ports/process.js';
import {defaultArtifactName} from '../src/publish/upload.js';
import {smokeTest} from '../src/smoke/smoke-test.js';
import {hostSteps} from '../src/strategies/native.js';
import type {HostInfo, MaturinInfo} from '../src/strategies/strategy.js';
import {inputsFrom, LINUX_X64_HOST, makeWorkspace} from './helpers/inputs.js';

const ws = makeWorkspace('mf-platforms-');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'mf-platforms-scratch-'));
afterAll(() => {
  ws.cleanup();
  rmSync(scratch, {recursive: true, force: true});
});

const MACOS: HostInfo = {
  ...LINUX_X64_HOST,
  platform: 'darwin',
  arch: 'arm64',
  triple: 'aarch64-apple-darwin',
  docker: {usable: false, reason: 'no Docker on this runner'},
};
const WINDOWS: HostInfo = {
  ...LINUX_X64_HOST,
  platform: 'win32',
  triple: 'x86_64-pc-windows-msvc',
  uid: undefined,
  gid: undefined,
  docker: {usable: false, reason: 'no Docker on this runner'},
};
const MATURIN_WIN: MaturinInfo = {
  path: 'C:\\hostedtoolcache\\maturin\\Scripts\\maturin.exe',
  version: '1.16.0',
  isStatic: false,
};

const plan = (host: HostInfo, values: Record<string, string>) => {
  const inputs = inputsFrom({'working-directory': 'crate', ...values}, ws.dir);
  return {inputs, plans: planBuild(inputs, host)};
};

describe('the plan on macOS and Windows runners', () => {
  it('macOS: docker and zig are skipped with a reason; native builds universal2 (not a cross target there)', () => {
    const {inputs, plans} = plan(MACOS, {
      strategies: 'docker, zig, native',
      target: 'universal2-apple-darwin',
    });
    expect(plans.map((p) => [p.label, p.skipReason])).toEqual([
      ['docker', 'Docker builds need a Linux runner (this one is darwin)'],
      ['zig', 'zig builds Linux targets only (universal2-apple-darwin)'],
      ['native', undefined],
    ]);
    const native = plans[2];
    const args = maturinArgv(inputs, native, '/tmp/wheels');
    expect(args).toEqual(['build', '--target', 'universal2-apple-darwin', '--out', '/tmp/wheels']);
    expect(
      hostSteps({
        inputs,
        host: MACOS,
        maturin: {path: '/usr/local/bin/maturin', version: '1.16.0', isStatic: false},
        maturinArgs: args,
      }),
    ).toEqual([
      ['rustup', 'target', 'add', 'aarch64-apple-darwin', 'x86_64-apple-darwin'],
      ['/usr/local/bin/maturin', ...args],
    ]);
    expect(rustTargets('x86_64-apple-darwin')).toEqual(['x86_64-apple-darwin']);
  });

  it('macOS: x86_64-apple-darwin on an arm64 runner is built natively too', () => {
    const {plans} = plan(MACOS, {strategies: 'native', target: 'x86_64-apple-darwin'});
    expect(plans[0].skipReason).toBeUndefined();
  });

  it('Windows: docker and zig skipped, native builds x64 and arm64 with maturin.exe; no before-script-linux there', () => {
    const {inputs, plans} = plan(WINDOWS, {
      strategies: 'docker, zig, native',
      'before-script-linux': 'yum install -y openssl-devel',
      'rustup-components': 'rust-src',
    });
    expect(plans.map((p) => [p.label, p.skipReason])).toEqual([
      ['docker', 'Docker builds need a Linux runner (this one is win32)'],
      ['zig', 'zig builds Linux targets only (x86_64-pc-windows-msvc)'],
      ['native', undefined],
    ]);
    const args = maturinArgv(inputs, plans[2], 'D:\\a\\_temp\\wheels');
    expect(hostSteps({inputs, host: WINDOWS, maturin: MATURIN_WIN, maturinArgs: args})).toEqual([
      ['rustup', 'component', 'add', 'rust-src'],
      [MATURIN_WIN.path, 'build', '--out', 'D:\\a\\_temp\\wheels'],
    ]);
    const arm = plan(WINDOWS, {strategies: 'native', target: 'aarch64-pc-windows-msvc'});
    expect(arm.plans[0].skipReason).toBeUndefined();
    expect(hostSteps({inputs: arm.inputs, host: WINDOWS, maturin: MATURIN_WIN, maturinArgs: []})[0]).toEqual([
      'rustup',
      'target',
      'add',
      'aarch64-pc-windows-msvc',
    ]);
  });
});

describe('paths and programs per OS', () => {
  it('python, venvs and pip --target scripts', () => {
    expect([pythonProgram('win32'), pythonProgram('darwin'), pythonProgram('linux')]).toEqual([
      'python',
      'python3',
      'python3',
    ]);
    expect(venvPython('D:\\a\\_temp\\smoke\\venv-0', 'win32')).toBe(
      'D:\\a\\_temp\\smoke\\venv-0\\Scripts\\python.exe',
    );
    expect(venvPython('/tmp/smoke/venv-0', 'darwin')).toBe('/tmp/smoke/venv-0/bin/python');
    expect(targetScripts('C:\\tools\\maturin', 'maturin', 'win32')).toEqual([
      'C:\\tools\\maturin\\bin\\maturin.exe',
      'C:\\tools\\maturin\\Scripts\\maturin.exe',
    ]);
    expect(targetScripts('/opt/tools/maturin', 'maturin', 'linux')).toEqual([
      '/opt/tools/maturin/bin/maturin',
    ]);
  });

  it('cache keys never cross OSes; artifact names name the OS and arch', () => {
    const {inputs, plans} = plan(LINUX_X64_HOST, {strategies: 'native'});
    const k = (platform: NodeJS.Platform, hostTriple: string): KeyContext => ({
      inputs,
      env: {HOME: '/home/runner'},
      hostTriple,
      platform,
      toolchain: 'rustc 1.91.0',
      lock: 'abcd',
    });
    expect(registryEntry(k('win32', WINDOWS.triple)).key).toBe('maturin-fallback-cargo-win32-abcd');
    expect(registryEntry(k('darwin', MACOS.triple)).key).toBe('maturin-fallback-cargo-darwin-abcd');
    expect(targetEntry(k('darwin', MACOS.triple), plans[0]).key).toMatch(
      /^maturin-fallback-target-darwin-aarch64-apple-darwin-[0-9a-f]{16}-abcd$/,
    );
    expect(defaultArtifactName(inputs, MACOS.triple, {})).toMatch(
      /^wheels-aarch64-apple-darwin-[0-9a-f]{8}$/,
    );
    expect(defaultArtifactName(inputs, WINDOWS.triple, {})).toMatch(
      /^wheels-x86_64-pc-windows-msvc-[0-9a-f]{8}$/,
    );
    const u2 = plan(MACOS, {strategies: 'native', target: 'universal2-apple-darwin'}).inputs;
    expect(defaultArtifactName(u2, MACOS.triple, {})).toMatch(/^wheels-universal2-apple-darwin-[0-9a-f]{8}$/);
  });
});

describe('the smoke test on Windows (injected) picks the interpreter from the tool cache', () => {
  it('runs the tool cache python.exe that matches a cp312 wheel, with Windows venv paths', async () => {
    const toolCache = path.join(scratch, 'hostedtoolcache');
    const dir = path.join(toolCache, 'Python', '3.12.8', 'x64');
    mkdirSync(dir, {recursive: true});
    // A stand-in interpreter (these machines run no Windows binaries): it answers the version probe
    // and fails to make a venv, which the smoke test must report with the interpreter it chose.
    const exe = path.join(dir, 'python.exe');
    writeFileSync(
      exe,
      '#!/bin/sh\ncase "$2" in *version_info*) echo 3.12 ;; *) echo "venv: cannot run here" >&2; exit 1 ;; esac\n',
    );
    chmodSync(exe, 0o755);
    const lines: string[] = [];
    const r = await smokeTest({
      wheels: [
        path.join(scratch, 'pkg-1.0-cp312-cp312-win_amd64.whl'),
        path.join(scratch, 'pkg-1.0-cp311-cp311-win_amd64.whl'),
      ],
      mode: 'auto',
      command: '',
      dir: path.join(scratch, 'smoke'),
      processes: nodeProcesses,
      env: {PATH: '/nonexistent', RUNNER_TOOL_CACHE: toolCache},
      onLine: (l) => lines.push(l),
      platform: 'win32',
    });
    expect(r.wheels).toEqual([
      expect.objectContaining({
        status: 'not-tested',
        python: exe,
        detail: 'venv failed: venv: cannot run here',
      }),
      expect.objectContaining({status: 'not-tested', detail: 'no Python 3.11 on this runner (found 3.12)'}),
    ]);
    expect(r.status).toBe('skipped');
  });
});

describe('process groups', () => {
  it('Linux and macOS kill the attempt as a group; Windows, which has none, kills the process', () => {
    expect([ownGroup('linux'), ownGroup('darwin'), ownGroup('win32')]).toEqual([true, true, false]);
    expect([killTarget(4242, 'linux'), killTarget(4242, 'darwin'), killTarget(4242, 'win32')]).toEqual([
      -4242, -4242, 4242,
    ]);
  });
});
