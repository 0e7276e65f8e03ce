import type {Policy} from '../inputs/policy.js';

const PYPA = (name: string, arch: string) => `quay.io/pypa/${name}_${arch}:latest`;
const CROSS_2014 = (arch: string) => `ghcr.io/rust-cross/manylinux2014-cross:${arch}`;
const CROSS_2_28 = (arch: string) => `ghcr.io/rust-cross/manylinux_2_28-cross:${arch}`;
const MUSL_CROSS = (tag: string) => `ghcr.io/rust-cross/rust-musl-cross:${tag}`;

function pypaTable(arch: string): Record<string, string> {
  return {
    auto: PYPA('manylinux2014', arch),
    '2010': PYPA('manylinux2010', arch),
    '2_12': PYPA('manylinux2010', arch),
    '2014': PYPA('manylinux2014', arch),
    '2_17': PYPA('manylinux2014', arch),
    '2_24': PYPA('manylinux_2_24', arch),
    '2_28': PYPA('manylinux_2_28', arch),
    '2_34': PYPA('manylinux_2_34', arch),
  };
}

function crossTable(arch: string): Record<string, string> {
  return {
    auto: CROSS_2014(arch),
    '2014': CROSS_2014(arch),
    '2_17': CROSS_2014(arch),
    '2_28': CROSS_2_28(arch),
  };
}

function muslTable(tag: string): Record<string, string> {
  return {auto: MUSL_CROSS(tag), musllinux_1_1: MUSL_CROSS(tag), musllinux_1_2: MUSL_CROSS(tag)};
}

/**
 * Default images for an x86_64 runner, by Rust target and policy (the same images maturin-action uses).
 * The cross images carry GCC 4.8.5 (2014) or 7.5 (2_28): that is where blst/c-kzg and ring break.
 */
export const X86_64_HOST_IMAGES: Record<string, Record<string, string>> = {
  'x86_64-unknown-linux-gnu': pypaTable('x86_64'),
  'i686-unknown-linux-gnu': pypaTable('i686'),
  'aarch64-unknown-linux-gnu': crossTable('aarch64'),
  'armv7-unknown-linux-gnueabihf': crossTable('armv7'),
  'powerpc64le-unknown-linux-gnu': crossTable('ppc64le'),
  's390x-unknown-linux-gnu': crossTable('s390x'),
  'powerpc64-unknown-linux-gnu': {
    auto: CROSS_2014('ppc64'),
    '2014': CROSS_2014('ppc64'),
    '2_17': CROSS_2014('ppc64'),
  },
  'riscv64gc-unknown-linux-gnu': {
    auto: 'ghcr.io/rust-cross/manylinux_2_31-cross:riscv64',
    '2_31': 'ghcr.io/rust-cross/manylinux_2_31-cross:riscv64',
  },
  'x86_64-unknown-linux-musl': muslTable('x86_64-musl'),
  'i686-unknown-linux-musl': muslTable('i686-musl'),
  'aarch64-unknown-linux-musl': muslTable('aarch64-musl'),
  'armv7-unknown-linux-musleabihf': muslTable('armv7-musleabihf'),
  'powerpc64le-unknown-linux-musl': muslTable('powerpc64le-musl'),
};

/** On an arm64 runner only the native aarch64 pypa images run without emulation. */
export const ARM64_HOST_IMAGES: Record<string, Record<string, string>> = {
  'aarch64-unknown-linux-gnu': {
    auto: PYPA('manylinux2014', 'aarch64'),
    '2014': PYPA('manylinux2014', 'aarch64'),
    '2_17': PYPA('manylinux2014', 'aarch64'),
    '2_28': PYPA('manylinux_2_28', 'aarch64'),
    '2_34': PYPA('manylinux_2_34', 'aarch64'),
  },
};

/** Image for a target and policy on a runner of this Node arch (x64, arm64), or undefined when there is none. */
export function defaultImage(target: string, policy: Policy, hostArch: string): string | undefined {
  const table = hostArch === 'x64' ? X86_64_HOST_IMAGES : hostArch === 'arm64' ? ARM64_HOST_IMAGES : {};
  return table[target]?.[policy];
}
