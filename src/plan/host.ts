import {accessSync, constants} from 'node:fs';
import path from 'node:path';
import type {ProcessPort} from '../ports/process.js';
import type {DockerStatus, HostInfo} from '../strategies/strategy.js';
import {hostTriple, targetArch} from './targets.js';

/** "Client installed" and "daemon reachable" are different facts; both are needed. */
export async function probeDocker(processes: ProcessPort, env: NodeJS.ProcessEnv): Promise<DockerStatus> {
  const r = await processes.capture({argv: ['docker', 'version', '--format', '{{.Server.Version}}'], env});
  if (r.spawnError) return {usable: false, reason: 'the docker CLI is not installed on this runner'};
  if (r.exitCode !== 0) {
    const line =
      r.stderr
        .trim()
        .split('\n')
        .find((l) => l.trim() !== '') ?? `docker version exited ${r.exitCode}`;
    return {usable: false, reason: `the Docker daemon is not reachable (${line.trim()})`};
  }
  return {usable: true, version: r.stdout.trim()};
}

export function onPath(program: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** A linker for the target is configured, or the usual Debian/Ubuntu cross gcc is on PATH. */
export function crossCompilerCheck(env: NodeJS.ProcessEnv): (target: string) => boolean {
  return (target) => {
    const key = `CARGO_TARGET_${target.toUpperCase().replace(/[-.]/g, '_')}_LINKER`;
    if (env[key]) return true;
    const arch = targetArch(target)
      .replace(/^armv7$/, 'arm')
      .replace(/^riscv64gc$/, 'riscv64');
    const abi = target.endsWith('gnueabihf') ? 'gnueabihf' : target.endsWith('musl') ? 'musl' : 'gnu';
    return onPath(`${arch}-linux-${abi}-gcc`, env);
  };
}

export async function probeHost(
  processes: ProcessPort,
  env: NodeJS.ProcessEnv,
  needDocker: boolean,
): Promise<HostInfo> {
  const docker: DockerStatus =
    needDocker && process.platform === 'linux'
      ? await probeDocker(processes, env)
      : {usable: false, reason: 'not needed'};
  return {
    platform: process.platform,
    arch: process.arch,
    triple: hostTriple(process.platform, process.arch),
    uid: process.getuid?.(),
    gid: process.getgid?.(),
    docker,
    hasCrossCompiler: crossCompilerCheck(env),
  };
}
