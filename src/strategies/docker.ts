import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Inputs} from '../inputs/inputs.js';
import {normalizePolicy} from '../inputs/policy.js';
import type {StrategySpec} from '../inputs/strategy-spec.js';
import {defaultImage} from '../plan/images.js';
import {
  choosePython,
  choosesInterpreter,
  PY_VERSION,
  parsePyVersion,
  projectPython,
  pythonsIn,
} from '../plan/python.js';
import {attemptTargetDir} from '../plan/target-dir.js';
import type {ProcessPort, ProcessResult} from '../ports/process.js';
import {backoffSeconds, sleep} from '../util/backoff.js';
import {containerScript, dockerRunArgv, type Mount, mountArg} from './docker-run.js';
import {forwardedEnvNames} from './env-allowlist.js';
import {hostToolchain} from './host-tools.js';
import type {AttemptContext, HostInfo, PlannedFields, Strategy} from './strategy.js';

/** Containers of running attempts, so a signal handler can remove them. */
export const activeContainers = new Set<string>();

const CONTAINER_KEYS = ['', 'on', 'auto', 'true'];

function chooseImage(inputs: Inputs, target: string, policy: string, hostArch: string): string | undefined {
  const container = inputs.container;
  if (CONTAINER_KEYS.includes(container)) return defaultImage(target, policy, hostArch);
  const key = normalizePolicy(container);
  if (key) return defaultImage(target, key, hostArch);
  return container;
}

export function planDocker(spec: StrategySpec, inputs: Inputs, host: HostInfo): PlannedFields {
  const policy = spec.policy ?? inputs.manylinux;
  const flags = policy === 'auto' || policy === 'off' ? [] : ['--manylinux', policy];
  const skip = (skipReason: string): PlannedFields => ({policy, flags, skipReason});
  if (policy === 'off')
    return skip('manylinux: off asks for a plain linux_* build, which needs no container');
  if (inputs.container === 'off') return skip('container: off');
  if (host.platform !== 'linux')
    return skip(`Docker builds need a Linux runner (this one is ${host.platform})`);
  const target = inputs.target || host.triple;
  const image = chooseImage(inputs, target, policy, host.arch);
  if (!image)
    return skip(
      `no default image for ${target} with manylinux ${policy} on a ${host.arch} runner; set the container input`,
    );
  if (!host.docker.usable) return {policy, flags, image, skipReason: host.docker.reason};
  return {policy, flags, image};
}

/** Where the project's files are mounted: the workspace when it holds the project, else the top Cargo dir. */
export function mountRoot(workdir: string, env: NodeJS.ProcessEnv): string {
  const ws = env.GITHUB_WORKSPACE;
  if (ws && (workdir === ws || workdir.startsWith(ws + path.sep))) return ws;
  let root = workdir;
  for (let dir = path.dirname(workdir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'Cargo.toml'))) root = dir;
  }
  return root;
}

async function ensureImage(ctx: AttemptContext, image: string): Promise<ProcessResult> {
  const inspect = await ctx.processes.capture({
    argv: ['docker', 'image', 'inspect', '--format', '{{.Id}}', image],
    env: ctx.env,
  });
  if (inspect.exitCode === 0) return inspect;
  const tries = ctx.inputs.retries + 1;
  let pulled: ProcessResult = inspect;
  for (let i = 1; i <= tries && !ctx.signal.aborted; i++) {
    ctx.onLine(`maturin-fallback: pulling ${image}${i > 1 ? ` (try ${i}/${tries})` : ''}`);
    pulled = await ctx.processes.start({argv: ['docker', 'pull', image], env: ctx.env}, ctx.onLine).done;
    if (pulled.exitCode === 0 || i === tries) break;
    // Registries rate-limit and time out; only the pull is retried, nothing else re-runs.
    const seconds = backoffSeconds(ctx.inputs.retryDelaySeconds, i);
    ctx.onLine(`maturin-fallback: docker pull failed (exit ${pulled.exitCode}); retrying in ${seconds}s`);
    await sleep(seconds * 1000);
  }
  return pulled;
}

interface ContainerSetup {
  readonly mounts: readonly Mount[];
  readonly setEnv: Readonly<Record<string, string>>;
  readonly hostTools: boolean;
}

/**
 * Mounts and variables for the container: the project, the attempt's dir and its own target dir;
 * with the host's toolchain, maturin and registry when it has them (no network needed), else the
 * versions the script installs.
 */
async function containerSetup(ctx: AttemptContext, image: string): Promise<ContainerSetup> {
  const workdir = ctx.inputs.workingDirectory;
  const root = mountRoot(workdir, ctx.env);
  const targetDir = attemptTargetDir(workdir, ctx.env, ctx.plan.label, image);
  const cargoHome = path.join(ctx.dir, 'cargo-home');
  mkdirSync(targetDir, {recursive: true});
  mkdirSync(cargoHome, {recursive: true});
  const mounts: Mount[] = [
    {source: root, target: root},
    {source: ctx.dir, target: ctx.dir},
    {source: targetDir, target: targetDir},
  ];
  const setEnv: Record<string, string> = {
    CARGO_TARGET_DIR: targetDir,
    CARGO_HOME: cargoHome,
    CARGO_TERM_COLOR: 'always',
  };
  const tools = ctx.maturin.isStatic
    ? await hostToolchain(ctx, ctx.inputs.target || ctx.host.triple)
    : undefined;
  if (!tools) {
    setEnv.MF_RUST_TOOLCHAIN = ctx.inputs.rustToolchain || 'stable';
    setEnv.MF_MATURIN_SPEC = ctx.maturin.version ? `==${ctx.maturin.version}` : '';
    if (ctx.inputs.target) setEnv.MF_TARGET = ctx.inputs.target;
    if (ctx.inputs.rustupComponents.length > 0)
      setEnv.MF_RUSTUP_COMPONENTS = ctx.inputs.rustupComponents.join(' ');
    return {mounts, setEnv, hostTools: false};
  }
  mounts.push({source: tools.sysroot, target: tools.sysroot, readOnly: true});
  mounts.push({source: ctx.maturin.path, target: '/opt/maturin-fallback/bin/maturin', readOnly: true});
  for (const dir of ['registry', 'git']) {
    const host = path.join(tools.cargoHome, dir);
    if (existsSync(host)) mounts.push({source: host, target: path.join(cargoHome, dir)});
  }
  setEnv.MF_TOOLCHAIN_BIN = path.join(tools.sysroot, 'bin');
  setEnv.MF_MATURIN_DIR = '/opt/maturin-fallback/bin';
  if (tools.fetched) setEnv.CARGO_NET_OFFLINE = 'true';
  return {mounts, setEnv, hostTools: true};
}

function shown(argv: readonly string[]): string {
  return argv.map((a) => (/[\s'"$`\\]/.test(a) ? JSON.stringify(a) : a)).join(' ');
}

async function run(ctx: AttemptContext): Promise<ProcessResult> {
  const image = ctx.plan.image as string;
  const pulled = await ensureImage(ctx, image);
  if (pulled.exitCode !== 0) return pulled;
  const setup = await containerSetup(ctx, image);
  if (ctx.sccache)
    ctx.onLine('maturin-fallback: sccache runs on host builds only; this container builds without it');
  const scriptPath = path.join(ctx.dir, 'run-maturin.sh');
  const script = containerScript({hostTools: setup.hostTools, beforeScript: ctx.inputs.beforeScriptLinux});
  writeFileSync(scriptPath, script, {mode: 0o755});
  const name = `maturin-fallback-${process.pid}-${ctx.plan.index}-${Date.now().toString(36)}`;
  const argv = dockerRunArgv({
    name,
    image,
    workdir: ctx.inputs.workingDirectory,
    mounts: setup.mounts,
    forwardEnv: forwardedEnvNames(ctx.env).filter((n) => !(n in setup.setEnv)),
    setEnv: setup.setEnv,
    dockerOptions: ctx.inputs.dockerOptions,
    scriptPath,
    maturinArgs: [...ctx.maturinArgs, ...(await containerInterpreter(ctx, image))],
  });
  ctx.onLine(`maturin-fallback: docker ${shown(argv)}`);
  activeContainers.add(name);
  const onAbort = () => void ctx.processes.capture({argv: ['docker', 'kill', name], env: ctx.env});
  ctx.signal.addEventListener('abort', onAbort, {once: true});
  try {
    return await ctx.processes.start({argv: ['docker', ...argv], env: ctx.env}, ctx.onLine).done;
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    await removeContainer(ctx.processes, name, ctx.env);
    activeContainers.delete(name);
    const writable = setup.mounts.filter((m) => !m.readOnly).map((m) => m.source);
    await fixOwnership(ctx, image, [...new Set(writable)]);
  }
}

/**
 * `-i python3.X` for the container when maturin would otherwise build for the image's `python3` only
 * (see plan/python.ts); [] when the user chose interpreters, the project is abi3, or no build.
 */
export async function containerInterpreter(ctx: AttemptContext, image: string): Promise<string[]> {
  if (ctx.inputs.command !== 'build' || choosesInterpreter(ctx.inputs.args)) return [];
  const project = projectPython(ctx.inputs.workingDirectory);
  if (project.abi3) return [];
  const listing = await ctx.processes.capture({
    argv: shInImage(
      image,
      'ls -d /usr/bin/python3.* /usr/local/bin/python3.* /opt/python/*/ 2>/dev/null; true',
    ),
    env: ctx.env,
  });
  const available = pythonsIn(listing.stdout);
  const runner = await ctx.processes.capture({argv: ['python3', '-c', PY_VERSION], env: ctx.env});
  const choice = choosePython(
    runner.exitCode === 0 ? parsePyVersion(runner.stdout) : undefined,
    available,
    project.requiresPython,
  );
  if (!choice) {
    ctx.onLine(
      `maturin-fallback: no python3.X in ${image} (${available.map((v) => v.join('.')).join(', ') || 'none found'}) satisfies requires-python ${project.requiresPython || '(unset)'}; maturin picks the interpreter`,
    );
    return [];
  }
  const name = `python${choice.version.join('.')}`;
  ctx.onLine(`maturin-fallback: the container builds for ${name}: ${choice.why} (pass -i in args to choose)`);
  return ['-i', name];
}

/** `docker run` of a one-off sh script in an image, without network; args become "$@". */
function shInImage(
  image: string,
  script: string,
  options: string[] = [],
  args: readonly string[] = [],
): string[] {
  return [
    'docker',
    'run',
    '--rm',
    '--network',
    'none',
    ...options,
    '--entrypoint',
    'sh',
    image,
    '-c',
    script,
    'sh',
    ...args,
  ];
}

async function removeContainer(processes: ProcessPort, name: string, env: NodeJS.ProcessEnv): Promise<void> {
  // --rm removes it on a normal exit; after a kill it may linger for a moment.
  await processes.capture({argv: ['docker', 'rm', '-f', name], env});
}

/**
 * The container runs as root, so files it creates in bind mounts are root-owned. Hand them back to
 * the runner's user after every attempt, failed or not, using the same image (no sudo needed).
 */
export async function fixOwnership(
  ctx: AttemptContext,
  image: string,
  dirs: readonly string[],
): Promise<void> {
  const {uid, gid} = ctx.host;
  if (uid === undefined || gid === undefined || uid === 0) return;
  const mounts = dirs.flatMap((d) => ['--mount', mountArg({source: d, target: d})]);
  const script = 'find "$@" -xdev -uid 0 -exec chown -h "$MF_OWNER" {} +';
  const result = await ctx.processes.capture({
    argv: shInImage(image, script, [...mounts, '-e', `MF_OWNER=${uid}:${gid}`], dirs),
    env: ctx.env,
  });
  if (result.exitCode !== 0)
    ctx.onLine(`maturin-fallback: could not hand files back to uid ${uid}: ${result.stderr.trim()}`);
}

export const dockerStrategy: Strategy = {kind: 'docker', plan: planDocker, run};
