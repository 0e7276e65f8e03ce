/** maturin-action's short target names, resolved per libc family. */
const GNU_ALIASES: Record<string, string> = {
  x64: 'x86_64-unknown-linux-gnu',
  x86_64: 'x86_64-unknown-linux-gnu',
  i686: 'i686-unknown-linux-gnu',
  x86: 'i686-unknown-linux-gnu',
  aarch64: 'aarch64-unknown-linux-gnu',
  arm64: 'aarch64-unknown-linux-gnu',
  armv7: 'armv7-unknown-linux-gnueabihf',
  armv7l: 'armv7-unknown-linux-gnueabihf',
  ppc64le: 'powerpc64le-unknown-linux-gnu',
  ppc64: 'powerpc64-unknown-linux-gnu',
  s390x: 's390x-unknown-linux-gnu',
  riscv64: 'riscv64gc-unknown-linux-gnu',
  loongarch64: 'loongarch64-unknown-linux-gnu',
};

const MUSL_ALIASES: Record<string, string> = {
  x64: 'x86_64-unknown-linux-musl',
  x86_64: 'x86_64-unknown-linux-musl',
  i686: 'i686-unknown-linux-musl',
  x86: 'i686-unknown-linux-musl',
  aarch64: 'aarch64-unknown-linux-musl',
  arm64: 'aarch64-unknown-linux-musl',
  armv7: 'armv7-unknown-linux-musleabihf',
  armv7l: 'armv7-unknown-linux-musleabihf',
  ppc64le: 'powerpc64le-unknown-linux-musl',
  riscv64: 'riscv64gc-unknown-linux-musl',
  loongarch64: 'loongarch64-unknown-linux-musl',
};

const TRIPLE = /^[a-z0-9_]+(?:-[a-z0-9_.]+){1,3}$/;

/** Resolves an alias or passes a full triple through; undefined when it is neither. */
export function resolveTarget(raw: string, musl: boolean): string | undefined {
  const value = raw.trim();
  const alias = (musl ? MUSL_ALIASES : GNU_ALIASES)[value.toLowerCase()];
  if (alias) return alias;
  return TRIPLE.test(value) && value.includes('-') ? value : undefined;
}

export function targetArch(triple: string): string {
  return triple.split('-')[0];
}

/** The Rust triple of the machine this runs on (Linux/macOS/Windows, x64/arm64). */
export function hostTriple(platform: NodeJS.Platform, arch: string): string {
  const cpu = arch === 'arm64' ? 'aarch64' : arch === 'x64' ? 'x86_64' : arch === 'ia32' ? 'i686' : arch;
  if (platform === 'darwin') return `${cpu}-apple-darwin`;
  if (platform === 'win32') return `${cpu}-pc-windows-msvc`;
  return `${cpu}-unknown-linux-gnu`;
}

export const TARGET_ALLOWED = `a Rust target triple or one of ${Object.keys(GNU_ALIASES).join(', ')}`;
