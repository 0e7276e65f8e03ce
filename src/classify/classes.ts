/**
 * The canonical failure classes. These exact strings are printed by the classifier,
 * accepted by the `fallback-on` input and used as fixture file prefixes.
 */
export const FAILURE_CLASSES = [
  'blst-ckzg',
  'openssl',
  'libclang',
  'ring',
  'c-build',
  'missing-toolchain',
  'rustc-too-old',
  'rust-compile',
  'python',
  'maturin-config',
  'zig',
  'docker-daemon',
  'docker-pull',
  'network',
  'oom',
  'disk-full',
  'permission',
  'manylinux-policy',
  'import-crash',
  'upload-rejected',
  'unknown',
] as const;

export type FailureClass = (typeof FAILURE_CLASSES)[number];

/** Classes a retry in another environment can plausibly fix (DOMAIN.md). */
export const ENVIRONMENT_CLASSES: readonly FailureClass[] = [
  'blst-ckzg',
  'c-build',
  'ring',
  'openssl',
  'libclang',
  'missing-toolchain',
  'python',
  'docker-daemon',
  'docker-pull',
];

/** Classes worth one retry of the same strategy before the chain moves on. */
export const TRANSIENT_CLASSES: readonly FailureClass[] = ['network', 'docker-pull'];

export function isFailureClass(name: string): name is FailureClass {
  return (FAILURE_CLASSES as readonly string[]).includes(name);
}

/**
 * When several classes are found, the primary one is the first in this order:
 * conditions that explain everything after them (no daemon, no disk, no memory) come first,
 * then the specific C/C++ build causes, then the generic ones.
 */
export const CLASS_PRIORITY: readonly FailureClass[] = [
  'docker-daemon',
  'docker-pull',
  'disk-full',
  'oom',
  'rustc-too-old',
  'blst-ckzg',
  'openssl',
  'ring',
  'libclang',
  'zig',
  'missing-toolchain',
  'python',
  'c-build',
  'manylinux-policy',
  'permission',
  'network',
  'rust-compile',
  'maturin-config',
  'import-crash',
  'upload-rejected',
  'unknown',
];

const DOCS = 'docs/troubleshooting.md';

/** One-line remedies, shown in logs, the job summary and the CLI. */
export const REMEDIES: Record<FailureClass, string> = {
  'blst-ckzg':
    'blst/c-kzg C or assembly failed to build (old GCC defaults to gnu89 in the manylinux2014 cross images): use manylinux: 2_28, the zig or native strategy, or an arm runner; upgrade blst to >= 0.3.13 for CFI errors.',
  openssl:
    'OpenSSL headers are missing: add before-script-linux: "yum install -y openssl-devel perl-IPC-Cmd" (dnf on 2_28), vendor OpenSSL, or switch to rustls.',
  libclang: 'bindgen cannot find libclang: install clang (yum/dnf install -y clang) in before-script-linux.',
  ring: 'ring cannot assemble for this target with the old cross GCC: set CFLAGS_aarch64_unknown_linux_gnu=-D__ARM_ARCH=8 or use manylinux: 2_28.',
  'c-build':
    'A C/C++/asm build script failed: the image compiler may be too old; try manylinux: 2_28, install the missing -devel package in before-script-linux, or fall back to zig/native.',
  'missing-toolchain':
    'A build tool (cc, ar, a cross linker, cmake or patchelf) is not installed: install it in before-script-linux, or on the runner for native builds.',
  'rustc-too-old': 'A dependency needs a newer Rust: set rust-toolchain to a newer release (or stable).',
  'rust-compile': 'The Rust code does not compile: fix the error shown; no other environment will help.',
  python:
    'No usable Python interpreter: pass -i python3.X or --find-interpreter in args, or use an image that has the interpreter.',
  'maturin-config':
    'maturin rejected the project configuration (pyproject.toml / Cargo.toml / args): fix the configuration shown.',
  zig: 'The zig linker rejected a flag: drop the zig strategy for this target, or remove the unsupported linker argument.',
  'docker-daemon':
    'The Docker daemon is not reachable: start Docker on the runner or move docker after native in strategies.',
  'docker-pull':
    'The image could not be pulled (rate limit, auth or wrong name): retry later, log in to the registry, or set container.',
  network: 'A download failed: retry; vendor or pre-fetch dependencies (cargo fetch) for offline builds.',
  oom: 'The compiler was killed for lack of memory: reduce parallelism (CARGO_BUILD_JOBS), disable fat LTO, or use a bigger runner.',
  'disk-full':
    'The runner ran out of disk: free space (remove unused toolchains/images) or clean the target directory.',
  permission:
    'Permission denied in the workspace (often root-owned files left by a container): clean the target dir or fix ownership.',
  'manylinux-policy':
    'The wheel links symbols newer than the requested manylinux policy: build in the matching manylinux image, or let maturin pick the tag.',
  'import-crash':
    'The wheel builds but crashes at import (SIGILL, missing symbol or too-new glibc): build portable (no sccache, no host CPU features) in an older image.',
  'upload-rejected':
    'The index rejected the upload: linux_* wheels are not accepted by PyPI; build manylinux wheels, and never rename a wheel to claim a tag.',
  unknown:
    'The failure did not match a known class: read the end of the attempt log, and run the classify CLI on the raw log to see what it found.',
};

/**
 * Link to a class's troubleshooting section: absolute when the runner says which repository and ref
 * the action came from (GITHUB_ACTION_REPOSITORY/REF), so it works from a job summary.
 */
export function docsLink(cls: FailureClass, env: NodeJS.ProcessEnv = {}): string {
  const repo = env.GITHUB_ACTION_REPOSITORY;
  const base = repo
    ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${repo}/blob/${env.GITHUB_ACTION_REF || 'main'}/`
    : '';
  return `${base}${DOCS}#${cls}`;
}
