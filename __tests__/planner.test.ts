import {afterAll, describe, expect, it} from '@jest/globals';
import {defaultImage} from '../src/plan/images.js';
import {maturinArgv, planBuild} from '../src/plan/planner.js';
import type {HostInfo} from '../src/strategies/strategy.js';
import {type InputValues, inputsFrom, LINUX_X64_HOST, makeWorkspace} from './helpers/inputs.js';

const workspace = makeWorkspace('mf-planner-');
afterAll(() => workspace.cleanup());

const LINUX_X64: HostInfo = LINUX_X64_HOST;
const MACOS_ARM: HostInfo = {
  ...LINUX_X64,
  platform: 'darwin',
  arch: 'arm64',
  triple: 'aarch64-apple-darwin',
  docker: {usable: false, reason: 'not needed'},
};
const WINDOWS: HostInfo = {...LINUX_X64, platform: 'win32', triple: 'x86_64-pc-windows-msvc', uid: undefined};
const DAEMON_DOWN =
  'the Docker daemon is not reachable (Cannot connect to the Docker daemon at unix:///var/run/docker.sock)';

const PYPA_2014 = 'quay.io/pypa/manylinux2014_x86_64:latest';
const PYPA_2_28 = 'quay.io/pypa/manylinux_2_28_x86_64:latest';
const NO_AARCH64_CC =
  'no cross compiler for aarch64-unknown-linux-gnu on this x86_64-unknown-linux-gnu runner (zig or docker can build it)';
const NATIVE_OFF_WARNING =
  'native:off builds linux_* wheels: PyPI rejects them. Use native (no policy) for an honest manylinux_2_X tag.';

/** [label, image, flags, skipReason, warning] for one attempt. */
type Row = [string, string | undefined, string[], string | undefined, string?];

interface PlanCase {
  readonly why: string;
  readonly values: InputValues;
  readonly host?: HostInfo;
  readonly attempts: readonly Row[];
}

const NATIVE: Row = ['native', undefined, [], undefined];

const CASES: readonly PlanCase[] = [
  {
    why: 'default docker, native on linux x64',
    values: {},
    attempts: [['docker', PYPA_2014, [], undefined], NATIVE],
  },
  {
    why: 'docker:2014, docker:2_28, native',
    values: {strategies: 'docker:2014, docker:2_28, native'},
    attempts: [
      ['docker:2014', PYPA_2014, ['--manylinux', '2014'], undefined],
      ['docker:2_28', PYPA_2_28, ['--manylinux', '2_28'], undefined],
      NATIVE,
    ],
  },
  {
    why: 'manylinux input 2_28 reaches docker, not native',
    values: {manylinux: 'manylinux_2_28'},
    attempts: [['docker:2_28', PYPA_2_28, ['--manylinux', '2_28'], undefined], NATIVE],
  },
  {
    why: 'manylinux off: docker skipped, native still without --manylinux off',
    values: {manylinux: 'off'},
    attempts: [
      [
        'docker:off',
        undefined,
        [],
        'manylinux: off asks for a plain linux_* build, which needs no container',
      ],
      NATIVE,
    ],
  },
  {
    why: 'container image override',
    values: {container: 'ghcr.io/me/builder:1.2'},
    attempts: [['docker', 'ghcr.io/me/builder:1.2', [], undefined], NATIVE],
  },
  {
    why: 'container key 2_28 picks the image only',
    values: {container: '2_28'},
    attempts: [['docker', PYPA_2_28, [], undefined], NATIVE],
  },
  {
    why: 'container off skips docker',
    values: {container: 'off'},
    attempts: [['docker', undefined, [], 'container: off'], NATIVE],
  },
  {
    why: 'docker daemon unusable',
    values: {},
    host: {...LINUX_X64, docker: {usable: false, reason: DAEMON_DOWN}},
    attempts: [['docker', PYPA_2014, [], DAEMON_DOWN], NATIVE],
  },
  {
    why: 'non-linux host skips docker',
    values: {},
    host: MACOS_ARM,
    attempts: [['docker', undefined, [], 'Docker builds need a Linux runner (this one is darwin)'], NATIVE],
  },
  {
    why: 'target aarch64 without a cross compiler',
    values: {target: 'aarch64'},
    attempts: [
      ['docker', 'ghcr.io/rust-cross/manylinux2014-cross:aarch64', [], undefined],
      ['native', undefined, [], NO_AARCH64_CC],
    ],
  },
  {
    why: 'target aarch64 with a cross compiler',
    values: {target: 'aarch64'},
    host: {...LINUX_X64, hasCrossCompiler: (t) => t === 'aarch64-unknown-linux-gnu'},
    attempts: [['docker', 'ghcr.io/rust-cross/manylinux2014-cross:aarch64', [], undefined], NATIVE],
  },
  {
    why: 'musllinux_1_2 uses the musl cross image',
    values: {target: 'x86_64', manylinux: 'musllinux_1_2', strategies: 'docker'},
    attempts: [
      [
        'docker:musllinux_1_2',
        'ghcr.io/rust-cross/rust-musl-cross:x86_64-musl',
        ['--manylinux', 'musllinux_1_2'],
        undefined,
      ],
    ],
  },
  {
    why: 'target without a default image',
    values: {target: 'loongarch64', strategies: 'docker'},
    attempts: [
      [
        'docker',
        undefined,
        [],
        'no default image for loongarch64-unknown-linux-gnu with manylinux auto on a x64 runner; set the container input',
      ],
    ],
  },
  {
    why: 'native:off passes --manylinux off and warns',
    values: {strategies: 'docker, native:off'},
    attempts: [
      ['docker', PYPA_2014, [], undefined],
      ['native:off', undefined, ['--manylinux', 'off'], undefined, NATIVE_OFF_WARNING],
    ],
  },
  {
    why: 'zig:2014',
    values: {strategies: 'zig:2014'},
    attempts: [['zig:2014', undefined, ['--zig', '--manylinux', '2014'], undefined]],
  },
  {
    why: 'bare zig takes the manylinux input',
    values: {strategies: 'zig', manylinux: '2_28'},
    attempts: [['zig:2_28', undefined, ['--zig', '--manylinux', '2_28'], undefined]],
  },
  {
    why: 'zig serves a cross target that native cannot',
    values: {strategies: 'zig:2014, native', target: 'aarch64'},
    attempts: [
      ['zig:2014', undefined, ['--zig', '--manylinux', '2014'], undefined],
      ['native', undefined, [], NO_AARCH64_CC],
    ],
  },
  {
    why: 'zig on s390x is skipped',
    values: {strategies: 'zig, docker', target: 's390x'},
    attempts: [
      ['zig', undefined, ['--zig'], 'zig cannot link s390x'],
      ['docker', 'ghcr.io/rust-cross/manylinux2014-cross:s390x', [], undefined],
    ],
  },
  {
    why: 'zig on a windows host',
    values: {strategies: 'zig'},
    host: WINDOWS,
    attempts: [['zig', undefined, ['--zig'], 'zig builds Linux targets only (x86_64-pc-windows-msvc)']],
  },
  {
    why: 'sdist is one native attempt',
    values: {command: 'sdist', strategies: 'docker:2014, zig'},
    attempts: [NATIVE],
  },
];

describe('planBuild', () => {
  it.each(CASES)('$why', ({values, host, attempts}) => {
    const plans = planBuild(inputsFrom(values, workspace.dir), host ?? LINUX_X64);
    const rows = plans.map((p): Row => {
      const row: Row = [p.label, p.image, [...p.flags], p.skipReason];
      if (p.warning !== undefined) row.push(p.warning);
      return row;
    });
    expect(rows).toEqual(attempts);
    expect(plans.map((p) => p.index)).toEqual(attempts.map((_, i) => i));
  });

  it('never passes --manylinux off to a bare native attempt', () => {
    for (const manylinux of ['auto', 'off', '2014', '2_28', 'musllinux_1_2']) {
      const native = planBuild(inputsFrom({manylinux}, workspace.dir), LINUX_X64).find(
        (p) => p.label === 'native',
      );
      expect(native?.flags).toEqual([]);
    }
  });
});

interface ArgvCase {
  readonly why: string;
  readonly values: InputValues;
  readonly argv: readonly string[];
}

const OUT = '/tmp/attempt-1/wheels';

const ARGV_CASES: readonly ArgvCase[] = [
  {
    why: 'build: args, flags, --target, --out',
    values: {args: '--release -i python3.12', strategies: 'docker:2014', target: 'aarch64'},
    argv: [
      'build',
      '--release',
      '-i',
      'python3.12',
      '--manylinux',
      '2014',
      '--target',
      'aarch64-unknown-linux-gnu',
      '--out',
      OUT,
    ],
  },
  {
    // Cross targets need the Rust std for them, which cannot be installed on these machines, so the
    // zig cross build is tested here as a plan and an argv; x86_64 zig builds run for real in zig.e2e.
    why: 'zig cross build to aarch64 where native is skipped',
    values: {args: '--release', strategies: 'zig:2014, native', target: 'aarch64'},
    argv: [
      'build',
      '--release',
      '--zig',
      '--manylinux',
      '2014',
      '--target',
      'aarch64-unknown-linux-gnu',
      '--out',
      OUT,
    ],
  },
  {
    why: 'build without a target',
    values: {args: '--release --out elsewhere', strategies: 'zig'},
    argv: ['build', '--release', '--zig', '--out', OUT],
  },
  {why: 'sdist: --out only', values: {command: 'sdist', target: 'aarch64'}, argv: ['sdist', '--out', OUT]},
  {
    why: 'upload: no --out, no --target',
    values: {command: 'upload', args: '--skip-existing dist/a.whl', target: 'aarch64'},
    argv: ['upload', '--skip-existing', 'dist/a.whl'],
  },
  {
    why: 'publish: --target, no --out',
    values: {command: 'publish', target: 'x86_64'},
    argv: ['publish', '--target', 'x86_64-unknown-linux-gnu'],
  },
];

describe('maturinArgv', () => {
  it.each(ARGV_CASES)('$why', ({values, argv}) => {
    const inputs = inputsFrom(values, workspace.dir);
    const [plan] = planBuild(inputs, LINUX_X64);
    expect(maturinArgv(inputs, plan, OUT)).toEqual(argv);
  });
});

describe('default images by runner architecture', () => {
  it.each([
    ['x64', 'x86_64-unknown-linux-gnu', '2_28', 'quay.io/pypa/manylinux_2_28_x86_64:latest'],
    ['x64', 'aarch64-unknown-linux-gnu', 'auto', 'ghcr.io/rust-cross/manylinux2014-cross:aarch64'],
    ['arm64', 'aarch64-unknown-linux-gnu', 'auto', 'quay.io/pypa/manylinux2014_aarch64:latest'],
    ['arm64', 'aarch64-unknown-linux-gnu', '2_28', 'quay.io/pypa/manylinux_2_28_aarch64:latest'],
    ['arm64', 'x86_64-unknown-linux-gnu', 'auto', undefined],
    ['riscv64', 'riscv64gc-unknown-linux-gnu', 'auto', undefined],
  ])('%s runner, %s, %s → %s', (arch, target, policy, image) => {
    expect(defaultImage(target, policy, arch)).toBe(image);
  });
});
