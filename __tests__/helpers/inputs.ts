import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {type InputGetter, type Inputs, readInputs} from '../../src/inputs/inputs.js';
import type {HostInfo} from '../../src/strategies/strategy.js';

/** Input values by their action.yml names; unset names read as ''. */
export type InputValues = Readonly<Record<string, string>>;

export function getter(values: InputValues): InputGetter {
  return (name) => values[name] ?? '';
}

/** A real temporary workspace (with a `crate` subdirectory) to use as GITHUB_WORKSPACE. */
export function makeWorkspace(prefix = 'mf-inputs-'): {dir: string; cleanup: () => void} {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  mkdirSync(path.join(dir, 'crate'));
  return {dir, cleanup: () => rmSync(dir, {recursive: true, force: true})};
}

/** Parses inputs through the real readInputs, with GITHUB_WORKSPACE set to `workspace`. */
export function inputsFrom(values: InputValues, workspace: string): Inputs {
  return readInputs(getter(values), {GITHUB_WORKSPACE: workspace});
}

/** A Linux x64 runner with a reachable Docker daemon and no cross compilers. */
export const LINUX_X64_HOST: HostInfo = {
  platform: 'linux',
  arch: 'x64',
  triple: 'x86_64-unknown-linux-gnu',
  uid: 1001,
  gid: 1001,
  docker: {usable: true, version: '27.5.1'},
  hasCrossCompiler: () => false,
};
