import path from 'node:path';
import {afterAll, describe, expect, it} from '@jest/globals';
import {FAILURE_CLASSES} from '../src/classify/classes.js';
import {InputError, type Inputs} from '../src/inputs/inputs.js';
import {type InputValues, inputsFrom, makeWorkspace} from './helpers/inputs.js';

const workspace = makeWorkspace();
const WS = workspace.dir;
afterAll(() => workspace.cleanup());

// The "Allowed:" texts, written out here so that a change to them shows up as a failing test.
const COMMANDS = 'build, publish, sdist, upload, develop, list-python, generate-ci';
const POLICIES =
  'auto, off, 2010, 2_12, 2014, 2_17, 2_24, 2_28, 2_31, 2_34, 2_35, 2_36, 2_39, musllinux_1_1, musllinux_1_2';
const STRATEGIES = `a comma-separated list of docker|zig|native[:POLICY], POLICY one of ${POLICIES}`;
const FALLBACK =
  'environment, any, none, or a comma-separated list of blst-ckzg, openssl, libclang, ring, c-build, ' +
  'missing-toolchain, rustc-too-old, rust-compile, python, maturin-config, zig, docker-daemon, docker-pull, ' +
  'network, oom, disk-full, permission, manylinux-policy, import-crash, upload-rejected, unknown';
const BOOL = 'true or false';
const RETENTION = 'a whole number of days from 1 to 90';
const ARTIFACT = 'a name without " : < > | * ? \\ / or newlines';
const TARGETS =
  'a Rust target triple or one of x64, x86_64, i686, x86, aarch64, arm64, armv7, armv7l, ppc64le, ppc64, s390x, riscv64, loongarch64';
const CONTAINER =
  "off, on/auto, a manylinux key such as 2_28, or an image reference like 'quay.io/pypa/manylinux_2_28_x86_64:latest'";
const TOOLCHAIN = 'a rustup toolchain name such as stable, 1.85.0 or nightly-2025-01-01';
const MATURIN = 'latest or a version such as 1.9.4 or v1.9.4';
const NO_FLAG = (flag: string) =>
  `args without ${flag}: use the manylinux and strategies inputs (e.g. strategies: docker:2_28, zig:2014, native)`;

interface BadCase {
  readonly why: string;
  readonly values: InputValues;
  /** The whole message; a function when it names the temporary workspace. */
  readonly message: string | ((ws: string) => string);
}

const msg = (input: string, shown: string, allowed: string) =>
  `Invalid input '${input}': '${shown}'. Allowed: ${allowed}.`;

const BAD: readonly BadCase[] = [
  {why: 'unknown command', values: {command: 'bild'}, message: msg('command', 'bild', COMMANDS)},
  {why: 'command is case-sensitive', values: {command: 'Build'}, message: msg('command', 'Build', COMMANDS)},
  {
    why: 'unknown manylinux policy',
    values: {manylinux: 'manylinux2015'},
    message: msg('manylinux', 'manylinux2015', POLICIES),
  },
  {
    why: 'unknown strategy kind',
    values: {strategies: 'docker, podman'},
    message: msg('strategies', 'docker, podman', STRATEGIES),
  },
  {
    why: 'bad strategy policy',
    values: {strategies: 'docker:2015, native'},
    message: msg('strategies', 'docker:2015, native', STRATEGIES),
  },
  {
    why: 'empty strategy policy',
    values: {strategies: 'docker:'},
    message: msg('strategies', 'docker:', STRATEGIES),
  },
  {
    why: 'docker:off',
    values: {strategies: 'docker:off, native'},
    message: msg(
      'strategies',
      'docker:off, native',
      'docker builds manylinux wheels; only native:off gives a linux_* wheel',
    ),
  },
  {
    why: 'zig:off',
    values: {strategies: 'zig:off'},
    message: msg(
      'strategies',
      'zig:off',
      'zig builds manylinux wheels; only native:off gives a linux_* wheel',
    ),
  },
  {
    why: 'duplicate strategy',
    values: {strategies: 'docker, native, docker'},
    message: msg('strategies', 'docker, native, docker', "each strategy once ('docker' appears twice)"),
  },
  {
    why: 'duplicate strategy under two spellings',
    values: {strategies: 'docker:manylinux2014 docker:2014'},
    message: msg(
      'strategies',
      'docker:manylinux2014 docker:2014',
      "each strategy once ('docker:2014' appears twice)",
    ),
  },
  {why: 'empty strategy list', values: {strategies: ' , '}, message: msg('strategies', ' , ', STRATEGIES)},
  {
    why: 'strategy with two policies',
    values: {strategies: 'docker:2014:x'},
    message: msg('strategies', 'docker:2014:x', STRATEGIES),
  },
  {
    why: 'unknown fallback class',
    values: {'fallback-on': 'environment, flaky'},
    message: msg('fallback-on', 'environment, flaky', FALLBACK),
  },
  {why: 'empty fallback list', values: {'fallback-on': ','}, message: msg('fallback-on', ',', FALLBACK)},
  {
    why: 'any mixed with classes',
    values: {'fallback-on': 'any, network'},
    message: msg('fallback-on', 'any, network', FALLBACK),
  },
  {why: 'early-abort yes', values: {'early-abort': 'yes'}, message: msg('early-abort', 'yes', BOOL)},
  {why: 'upload 1', values: {upload: '1'}, message: msg('upload', '1', BOOL)},
  {why: 'sccache on', values: {sccache: 'on'}, message: msg('sccache', 'on', BOOL)},
  {why: 'retention-days 0', values: {'retention-days': '0'}, message: msg('retention-days', '0', RETENTION)},
  {why: 'retries 6', values: {retries: '6'}, message: msg('retries', '6', 'a whole number from 0 to 5')},
  {why: 'retries -1', values: {retries: '-1'}, message: msg('retries', '-1', 'a whole number from 0 to 5')},
  {
    why: 'retry-delay 1h',
    values: {'retry-delay': '1h'},
    message: msg('retry-delay', '1h', 'a whole number from 0 to 600'),
  },
  {
    why: 'smoke-test yes',
    values: {'smoke-test': 'yes'},
    message: msg('smoke-test', 'yes', 'auto, true, false, warn'),
  },
  {
    why: 'retention-days 91',
    values: {'retention-days': '91'},
    message: msg('retention-days', '91', RETENTION),
  },
  {
    why: 'retention-days 1.5',
    values: {'retention-days': '1.5'},
    message: msg('retention-days', '1.5', RETENTION),
  },
  {
    why: 'retention-days abc',
    values: {'retention-days': 'abc'},
    message: msg('retention-days', 'abc', RETENTION),
  },
  ...['wheels/linux', 'a\\b', 'a:b', 'a"b', '<wheels>', 'a|b', 'wheels-*', 'wheels?'].map(
    (name): BadCase => ({
      why: `artifact-name ${name}`,
      values: {'artifact-name': name},
      message: msg('artifact-name', name, ARTIFACT),
    }),
  ),
  {
    why: 'artifact-name with a newline (shown escaped)',
    values: {'artifact-name': 'wheels\nx'},
    message: msg('artifact-name', 'wheels\\nx', ARTIFACT),
  },
  {
    why: 'target with a space',
    values: {target: 'aarch64 linux'},
    message: msg('target', 'aarch64 linux', TARGETS),
  },
  {why: 'target not a triple', values: {target: 'sparc'}, message: msg('target', 'sparc', TARGETS)},
  {
    why: 'target from args is validated too',
    values: {args: '--target=x86_64;id'},
    message: msg('target', 'x86_64;id', TARGETS),
  },
  {
    why: 'container option injection',
    values: {container: '--privileged'},
    message: msg('container', '--privileged', CONTAINER),
  },
  {
    why: 'container with a space',
    values: {container: 'quay.io/pypa/manylinux_2_28_x86_64 --privileged'},
    message: msg('container', 'quay.io/pypa/manylinux_2_28_x86_64 --privileged', CONTAINER),
  },
  {
    why: 'container in uppercase',
    values: {container: 'Quay.io/PyPA/manylinux_2_28_x86_64'},
    message: msg('container', 'Quay.io/PyPA/manylinux_2_28_x86_64', CONTAINER),
  },
  {
    why: 'rust-toolchain with a shell command',
    values: {'rust-toolchain': 'stable; rm -rf /'},
    message: msg('rust-toolchain', 'stable; rm -rf /', TOOLCHAIN),
  },
  {
    why: 'rustup-components with a shell command',
    values: {'rustup-components': 'rust-src; touch X'},
    message: msg(
      'rustup-components',
      'rust-src; touch X',
      'rustup component names separated by spaces or commas, such as rust-src llvm-tools-preview',
    ),
  },
  {
    why: 'maturin-version 1.x',
    values: {'maturin-version': '1.x'},
    message: msg('maturin-version', '1.x', MATURIN),
  },
  {
    why: 'maturin-version with a shell command',
    values: {'maturin-version': '1.9.4; curl x'},
    message: msg('maturin-version', '1.9.4; curl x', MATURIN),
  },
  {
    why: 'missing working-directory',
    values: {'working-directory': 'missing'},
    message: (ws) =>
      msg('working-directory', 'missing', `an existing directory (resolved to ${path.join(ws, 'missing')})`),
  },
  {
    why: 'args with --manylinux',
    values: {args: '--release --manylinux 2014'},
    message: msg('args', '--release --manylinux 2014', NO_FLAG('--manylinux')),
  },
  {
    why: 'args with --compatibility=',
    values: {args: '--compatibility=manylinux2014'},
    message: msg('args', '--compatibility=manylinux2014', NO_FLAG('--compatibility')),
  },
  {why: 'args with --zig', values: {args: '--zig'}, message: msg('args', '--zig', NO_FLAG('--zig'))},
  {
    why: '--out without a value',
    values: {args: '--release --out'},
    message: msg('args', '--release --out', 'a value after --out'),
  },
  {
    why: '--out= with an empty value',
    values: {args: '--out='},
    message: msg('args', '--out=', 'a value after --out'),
  },
  {why: '-o without a value', values: {args: '-o'}, message: msg('args', '-o', 'a value after -o')},
  {
    why: 'args on two lines',
    values: {args: '--release\n--strip'},
    message: msg('args', '--release\\n--strip', 'arguments on one line'),
  },
  {
    why: 'docker-options on two lines',
    values: {'docker-options': '-e A\n-e B'},
    message: msg('docker-options', '-e A\\n-e B', 'arguments on one line'),
  },
  {
    why: 'out-dir conflicting with --out',
    values: {'out-dir': 'dist', args: '--out wheelhouse'},
    message: msg(
      'out-dir',
      'dist',
      "the same directory as --out in args ('wheelhouse'), or leave one of them unset",
    ),
  },
  {
    why: 'a long value is cut to 80 characters',
    values: {command: 'x'.repeat(100)},
    message: msg('command', `${'x'.repeat(77)}...`, COMMANDS),
  },
];

describe('readInputs rejects bad inputs with one exact line', () => {
  it('covers enough cases', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(28);
  });

  it.each(BAD)('$why', ({values, message}) => {
    const expected = typeof message === 'function' ? message(WS) : message;
    let error: unknown;
    try {
      inputsFrom(values, WS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(expected);
    expect((error as Error).message).not.toMatch(/[\r\n]/);
  });
});

const ENVIRONMENT = [
  'blst-ckzg',
  'c-build',
  'docker-daemon',
  'docker-pull',
  'libclang',
  'missing-toolchain',
  'openssl',
  'python',
  'ring',
];

/** Inputs as plain data, with the fallback set as a sorted array, for toMatchObject. */
function view(inputs: Inputs) {
  return {...inputs, fallbackOn: [...inputs.fallbackOn].sort() as string[]};
}

interface GoodCase {
  readonly why: string;
  readonly values: InputValues;
  readonly expected: (ws: string) => Partial<ReturnType<typeof view>>;
}

const GOOD: readonly GoodCase[] = [
  {
    why: 'defaults',
    values: {},
    expected: (ws) => ({
      command: 'build',
      args: [],
      maturinVersion: '',
      manylinux: 'auto',
      target: '',
      container: '',
      dockerOptions: [],
      rustToolchain: '',
      workingDirectory: ws,
      beforeScriptLinux: '',
      sccache: false,
      strategies: [
        {kind: 'docker', label: 'docker'},
        {kind: 'native', label: 'native'},
      ],
      // The default also falls back on unknown: only positive evidence stops the chain.
      fallbackOn: [...ENVIRONMENT, 'unknown'].sort(),
      earlyAbort: true,
      outDir: path.join(ws, 'dist'),
      upload: true,
      artifactName: '',
      retentionDays: undefined,
    }),
  },
  {why: 'manylinux2014', values: {manylinux: 'manylinux2014'}, expected: () => ({manylinux: '2014'})},
  {why: 'manylinux_2_28', values: {manylinux: 'manylinux_2_28'}, expected: () => ({manylinux: '2_28'})},
  {why: 'bare 2_28', values: {manylinux: '2_28'}, expected: () => ({manylinux: '2_28'})},
  {
    why: 'target alias aarch64',
    values: {target: 'aarch64'},
    expected: () => ({target: 'aarch64-unknown-linux-gnu'}),
  },
  {
    why: 'target alias aarch64 with musllinux_1_2',
    values: {target: 'aarch64', manylinux: 'musllinux_1_2'},
    expected: () => ({manylinux: 'musllinux_1_2', target: 'aarch64-unknown-linux-musl'}),
  },
  {
    why: 'full triple passes through',
    values: {target: 'armv7-unknown-linux-gnueabihf'},
    expected: () => ({target: 'armv7-unknown-linux-gnueabihf'}),
  },
  {
    why: '--out in args, resolved against working-directory',
    values: {'working-directory': 'crate', args: '--release --out wheelhouse -i python3.12'},
    expected: (ws) => ({
      workingDirectory: path.join(ws, 'crate'),
      args: ['--release', '-i', 'python3.12'],
      outDir: path.join(ws, 'crate', 'wheelhouse'),
    }),
  },
  {
    why: 'out-dir resolved against working-directory',
    values: {'working-directory': 'crate', 'out-dir': '../wheelhouse'},
    expected: (ws) => ({outDir: path.join(ws, 'wheelhouse')}),
  },
  {
    why: 'out-dir equal to --out is fine',
    values: {'out-dir': 'wheelhouse', args: '-o ./wheelhouse/'},
    expected: (ws) => ({args: [], outDir: path.join(ws, 'wheelhouse')}),
  },
  {
    why: '--target=x86_64 inline form',
    values: {args: '--release --target=x86_64'},
    expected: () => ({args: ['--release'], target: 'x86_64-unknown-linux-gnu'}),
  },
  {
    why: '--target aarch64 as two words, target input wins',
    values: {args: '--target aarch64', target: 'x86_64'},
    expected: () => ({args: [], target: 'x86_64-unknown-linux-gnu'}),
  },
  {
    why: 'quoted args stay one element',
    values: {args: `--features "a b" --cargo-extra-args='--locked'`},
    expected: () => ({args: ['--features', 'a b', '--cargo-extra-args=--locked']}),
  },
  {
    why: 'fallback-on environment keeps the strict policy: unknown stops the chain',
    values: {'fallback-on': 'environment'},
    expected: () => ({fallbackOn: [...ENVIRONMENT].sort()}),
  },
  {
    why: 'fallback-on environment, network',
    values: {'fallback-on': 'environment, network'},
    expected: () => ({fallbackOn: [...ENVIRONMENT, 'network'].sort()}),
  },
  {
    why: 'fallback-on any',
    values: {'fallback-on': 'any'},
    expected: () => ({fallbackOn: [...FAILURE_CLASSES].sort()}),
  },
  {why: 'fallback-on none', values: {'fallback-on': 'none'}, expected: () => ({fallbackOn: []})},
  {
    why: 'strategies with policies, any case, spaces or commas',
    values: {strategies: 'docker:manylinux2014, DOCKER:2_28 zig,native:off'},
    expected: () => ({
      strategies: [
        {kind: 'docker', policy: '2014', label: 'docker:2014'},
        {kind: 'docker', policy: '2_28', label: 'docker:2_28'},
        {kind: 'zig', label: 'zig'},
        {kind: 'native', policy: 'off', label: 'native:off'},
      ],
    }),
  },
  {
    why: 'maturin-version v1.9.4',
    values: {'maturin-version': 'v1.9.4'},
    expected: () => ({maturinVersion: '1.9.4'}),
  },
  {
    why: 'maturin-version latest',
    values: {'maturin-version': 'latest'},
    expected: () => ({maturinVersion: 'latest'}),
  },
  {
    why: 'booleans in any of the YAML spellings',
    values: {sccache: 'TRUE', upload: 'False', 'early-abort': 'false'},
    expected: () => ({sccache: true, upload: false, earlyAbort: false}),
  },
  {why: 'retention-days 90', values: {'retention-days': '90'}, expected: () => ({retentionDays: 90})},
  {why: 'retention-days 1', values: {'retention-days': '1'}, expected: () => ({retentionDays: 1})},
  {
    why: 'container image and docker-options',
    values: {container: 'ghcr.io/org/img:1.0@sha256:abc', 'docker-options': '-e FOO --network "host"'},
    expected: () => ({
      container: 'ghcr.io/org/img:1.0@sha256:abc',
      dockerOptions: ['-e', 'FOO', '--network', 'host'],
    }),
  },
  {
    why: 'container key',
    values: {container: 'manylinux_2_28'},
    expected: () => ({container: '2_28'}),
  },
  {
    why: 'toolchain, artifact name and before-script kept as given',
    values: {
      'rust-toolchain': 'nightly-2025-01-01',
      'artifact-name': 'wheels-linux-x86_64 (py3.12)',
      'before-script-linux': 'yum install -y openssl-devel\necho done',
    },
    expected: () => ({
      rustToolchain: 'nightly-2025-01-01',
      artifactName: 'wheels-linux-x86_64 (py3.12)',
      beforeScriptLinux: 'yum install -y openssl-devel\necho done',
    }),
  },
  {why: 'sdist command', values: {command: 'sdist'}, expected: () => ({command: 'sdist'})},
  {
    why: 'rustup components, by spaces or commas',
    values: {'rustup-components': 'rust-src, llvm-tools-preview  clippy'},
    expected: () => ({rustupComponents: ['rust-src', 'llvm-tools-preview', 'clippy']}),
  },
];

describe('readInputs parses good inputs', () => {
  it.each(GOOD)('$why', ({values, expected}) => {
    expect(view(inputsFrom(values, WS))).toMatchObject(expected(WS));
  });
});
