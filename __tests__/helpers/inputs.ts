import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {type InputGetter, type Inputs, readInputs} from '../../src/inputs/inputs.js';

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
