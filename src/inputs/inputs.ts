import {statSync} from 'node:fs';
import path from 'node:path';
import {parseArgsStringToArgv} from 'string-argv';
import {
  ENVIRONMENT_CLASSES,
  FAILURE_CLASSES,
  type FailureClass,
  isFailureClass,
} from '../classify/classes.js';
import {rememberDays} from '../memory/memory.js';
import {resolveTarget, TARGET_ALLOWED} from '../plan/targets.js';
import type {SmokeMode} from '../smoke/smoke-test.js';
import {isMusl, normalizePolicy, POLICIES, type Policy} from './policy.js';
import {InputError, invalid, parseStrategies, type StrategySpec} from './strategy-spec.js';

export interface Inputs {
  readonly command: string;
  /** maturin arguments after `--out`, `--target` were taken out of them. */
  readonly args: readonly string[];
  readonly maturinVersion: string;
  readonly manylinux: Policy;
  /** Resolved Rust triple, or '' for the host's. */
  readonly target: string;
  readonly container: string;
  readonly dockerOptions: readonly string[];
  readonly rustToolchain: string;
  /** rustup components added to the toolchain before building (e.g. rust-src, llvm-tools). */
  readonly rustupComponents: readonly string[];
  readonly workingDirectory: string;
  readonly beforeScriptLinux: string;
  readonly sccache: boolean;
  readonly strategies: readonly StrategySpec[];
  readonly fallbackOn: ReadonlySet<FailureClass>;
  readonly earlyAbort: boolean;
  readonly outDir: string;
  readonly upload: boolean;
  /** '' means: derive a name that is unique per target and configuration. */
  readonly artifactName: string;
  readonly retentionDays: number | undefined;
  /** Extra tries of the same strategy after a transient failure (network, docker pull). */
  readonly retries: number;
  readonly retryDelaySeconds: number;
  readonly smokeTest: SmokeMode;
  readonly cache: boolean;
  readonly smokeCommand: string;
  /** Days a remembered failure skips its strategy; 0: no memory. */
  readonly rememberFailures: number;
  readonly preflight: PreflightMode;
}

export type PreflightMode = 'warn' | 'skip' | 'off';
const PREFLIGHT_MODES: readonly PreflightMode[] = ['warn', 'skip', 'off'];

/** Reads one input by its action.yml name; '' when unset. */
export type InputGetter = (name: string) => string;

const SMOKE_MODES: readonly SmokeMode[] = ['auto', 'true', 'false', 'warn'];
export const COMMANDS = [
  'build',
  'publish',
  'sdist',
  'upload',
  'develop',
  'list-python',
  'generate-ci',
] as const;
const FALLBACK_ALLOWED = `environment, any, none, or a comma-separated list of ${FAILURE_CLASSES.join(', ')}`;
const ARTIFACT_NAME_FORBIDDEN = /[":<>|*?\r\n\\/]/;
const TOOLCHAIN = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const MATURIN_VERSION = /^(?:latest|v?\d+(?:\.\d+){0,2}(?:-?(?:a|b|rc|alpha|beta)\.?\d+)?)$/i;
const IMAGE_REF = /^[a-z0-9][a-z0-9._/:@-]*$/;

/** Reads and validates every input; throws one InputError naming the input, the value and what is allowed. */
export function readInputs(get: InputGetter, env: NodeJS.ProcessEnv = process.env): Inputs {
  const command = oneOf('command', get('command') || 'build', COMMANDS);
  const manylinux = policyInput(get('manylinux') || 'auto');
  const workingDirectory = directory(get('working-directory'), env);
  const parsed = splitArgs(get('args'));
  const outDir = resolveOutDir(get('out-dir'), parsed.out, workingDirectory);
  return {
    command,
    args: parsed.rest,
    maturinVersion: maturinVersion(get('maturin-version')),
    manylinux,
    target: targetInput(get('target') || parsed.target, manylinux),
    container: containerInput(get('container')),
    dockerOptions: argv('docker-options', get('docker-options')),
    rustToolchain: toolchain(get('rust-toolchain')),
    rustupComponents: components(get('rustup-components')),
    workingDirectory,
    beforeScriptLinux: get('before-script-linux'),
    sccache: bool('sccache', get('sccache'), false),
    strategies: parseStrategies(get('strategies') || 'docker, native'),
    fallbackOn: parseFallbackOn(get('fallback-on') || 'environment, unknown'),
    earlyAbort: bool('early-abort', get('early-abort'), true),
    outDir,
    upload: bool('upload', get('upload'), true),
    artifactName: artifactName(get('artifact-name')),
    retentionDays: retention(get('retention-days')),
    retries: wholeNumber('retries', get('retries'), 1, 0, 5),
    retryDelaySeconds: wholeNumber('retry-delay', get('retry-delay'), 10, 0, 600),
    smokeTest: oneOf('smoke-test', get('smoke-test') || 'auto', SMOKE_MODES),
    smokeCommand: get('smoke-command'),
    cache: bool('cache', get('cache'), true),
    rememberFailures: remember(get('remember-failures')),
    preflight: oneOf('preflight', get('preflight') || 'warn', PREFLIGHT_MODES),
  };
}

function oneOf<T extends string>(input: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (!found) throw invalid(input, value, allowed.join(', '));
  return found;
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

function bool(input: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw invalid(input, value, 'true or false');
}

function policyInput(value: string): Policy {
  const policy = normalizePolicy(value);
  if (!policy) throw invalid('manylinux', value, POLICIES.join(', '));
  return policy;
}

function targetInput(value: string, manylinux: Policy): string {
  if (value === '') return '';
  const triple = resolveTarget(value, isMusl(manylinux));
  if (!triple) throw invalid('target', value, TARGET_ALLOWED);
  return triple;
}

function containerInput(value: string): string {
  const keyword = value.toLowerCase();
  if (['', 'on', 'auto', 'true', 'off'].includes(keyword)) return keyword;
  const key = normalizePolicy(value);
  if (key) return key;
  if (!IMAGE_REF.test(value))
    throw invalid(
      'container',
      value,
      "off, on/auto, a manylinux key such as 2_28, or an image reference like 'quay.io/pypa/manylinux_2_28_x86_64:latest'",
    );
  return value;
}

function toolchain(value: string): string {
  if (value !== '' && !TOOLCHAIN.test(value))
    throw invalid(
      'rust-toolchain',
      value,
      'a rustup toolchain name such as stable, 1.85.0 or nightly-2025-01-01',
    );
  return value;
}

function remember(value: string): number {
  const days = rememberDays(value);
  if (days === undefined)
    throw invalid('remember-failures', value, 'true (7 days), false, or a number of days from 1 to 365');
  return days;
}

const COMPONENT = /^[a-z][a-z0-9-]*$/;

function components(value: string): string[] {
  const names = value.split(/[\s,]+/).filter((c) => c !== '');
  const bad = names.find((c) => !COMPONENT.test(c));
  if (bad !== undefined)
    throw invalid(
      'rustup-components',
      value,
      'rustup component names separated by spaces or commas, such as rust-src llvm-tools-preview',
    );
  return names;
}

function maturinVersion(value: string): string {
  if (value !== '' && !MATURIN_VERSION.test(value))
    throw invalid('maturin-version', value, 'latest or a version such as 1.9.4 or v1.9.4');
  return value.replace(/^v/i, '');
}

function artifactName(value: string): string {
  if (ARTIFACT_NAME_FORBIDDEN.test(value)) {
    throw invalid('artifact-name', value, 'a name without " : < > | * ? \\ / or newlines');
  }
  return value;
}

function retention(value: string): number | undefined {
  if (value === '') return undefined;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > 90)
    throw invalid('retention-days', value, 'a whole number of days from 1 to 90');
  return days;
}

function wholeNumber(input: string, value: string, fallback: number, min: number, max: number): number {
  if (value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw invalid(input, value, `a whole number from ${min} to ${max}`);
  return n;
}

function argv(input: string, value: string): string[] {
  if (/[\r\n]/.test(value.trim())) throw invalid(input, value, 'arguments on one line');
  return parseArgsStringToArgv(value);
}

function directory(value: string, env: NodeJS.ProcessEnv): string {
  const base = env.GITHUB_WORKSPACE || process.cwd();
  const dir = path.resolve(base, value || '.');
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw invalid('working-directory', value, `an existing directory (resolved to ${dir})`);
  return dir;
}

export function parseFallbackOn(value: string): ReadonlySet<FailureClass> {
  const items = value.split(/[,\s]+/).filter((s) => s !== '');
  if (items.length === 1 && items[0] === 'any') return new Set(FAILURE_CLASSES);
  if (items.length === 1 && items[0] === 'none') return new Set();
  const set = new Set<FailureClass>();
  for (const item of items) {
    if (item === 'environment') for (const c of ENVIRONMENT_CLASSES) set.add(c);
    else if (isFailureClass(item)) set.add(item);
    else throw invalid('fallback-on', value, FALLBACK_ALLOWED);
  }
  if (set.size === 0) throw invalid('fallback-on', value, FALLBACK_ALLOWED);
  return set;
}

interface SplitArgs {
  rest: string[];
  out: string;
  target: string;
}

/** Takes `--out`/`-o` and `--target` out of maturin's args; the chain sets them per attempt. */
function splitArgs(value: string): SplitArgs {
  const args = argv('args', value);
  const result: SplitArgs = {rest: [], out: '', target: ''};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const take = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw invalid('args', value, `a value after ${flag}`);
      return v;
    };
    if (flag === '--out' || flag === '-o') result.out = take();
    else if (flag === '--target') result.target = take();
    else if (['--manylinux', '--compatibility', '--zig'].includes(flag)) {
      throw invalid(
        'args',
        value,
        `args without ${flag}: use the manylinux and strategies inputs (e.g. strategies: docker:2_28, zig:2014, native)`,
      );
    } else result.rest.push(arg);
  }
  return result;
}

function resolveOutDir(input: string, fromArgs: string, workdir: string): string {
  if (input !== '' && fromArgs !== '' && path.resolve(workdir, input) !== path.resolve(workdir, fromArgs)) {
    throw invalid(
      'out-dir',
      input,
      `the same directory as --out in args ('${fromArgs}'), or leave one of them unset`,
    );
  }
  return path.resolve(workdir, input || fromArgs || 'dist');
}

export {InputError};
