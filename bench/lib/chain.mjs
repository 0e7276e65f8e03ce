// Measures 1, 2, 3 and 6: the real action bundle on real Docker, maturin and crates, plus the plain
// maturin runs that stand for the physical limit and the status quo.
import {spawnSync} from 'node:child_process';
import {mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {capture, median, run} from './proc.mjs';
import {makeWorkspace, removeWorkspace} from './runner.mjs';

export const IMAGE = 'maturin-fallback/standin:bullseye';
const KZG_DOCKER_OPTIONS = '--network none -e CFLAGS=-std=gnu89';

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
function parseOutputs(text) {
  const outputs = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    outputs[m[1]] = value.join('\n');
  }
  return outputs;
}

function saveLog(outDir, name, lines) {
  mkdirSync(outDir, {recursive: true});
  writeFileSync(
    path.join(outDir, `${name}.log`),
    lines
      .map((l) => `${l.t.toFixed(3).padStart(8)} ${l.stream === 'stderr' ? 'E' : ' '} ${l.text}`)
      .join('\n'),
  );
}

/** The action's own classifier (from the built bundle), to find the fatal line in plain maturin logs. */
export async function loadClassifier(root) {
  const dist = path.join(root, 'dist');
  const cli = readFileSync(path.join(dist, 'cli.js'), 'utf8');
  for (const m of cli.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(\.\/chunks\/[^"]+)"/g)) {
    if (/\bLogClassifier\b/.test(m[1]))
      return (await import(pathToFileURL(path.join(dist, m[2])).href)).LogClassifier;
  }
  return undefined;
}

function firstFatal(LogClassifier, lines) {
  if (!LogClassifier) return undefined;
  const c = new LogClassifier();
  for (const l of lines) if (c.pushLine(l.text)) return l;
  return undefined;
}

/** dist/index.js the way the runner starts it: INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP. */
export async function runAction({root, runner, ws, inputs, name, outDir}) {
  const runnerDir = path.join(ws, '.runner');
  mkdirSync(path.join(runnerDir, 'temp'), {recursive: true});
  const output = path.join(runnerDir, 'output');
  const summary = path.join(runnerDir, 'summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  runner.own(runnerDir);
  const env = {
    ...runner.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: path.join(runnerDir, 'temp'),
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = await run(runner.argv([process.execPath, path.join(root, 'dist', 'index.js')]), {cwd: ws, env});
  saveLog(outDir, name, r.lines);
  const outputs = parseOutputs(readFileSync(output, 'utf8'));
  let attempts = [];
  try {
    attempts = JSON.parse(outputs.attempts ?? '[]');
  } catch {
    // reported below through the missing attempt
  }
  return {...r, outputs, attempts};
}

export function kzgInputs(extra, crate = 'kzg-ext') {
  return {
    'working-directory': crate,
    container: IMAGE,
    'docker-options': KZG_DOCKER_OPTIONS,
    args: '--release',
    upload: 'false',
    strategies: 'docker, native',
    ...extra,
  };
}

const find = (lines, re, from = 0) => {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i].text)) return i;
  return -1;
};

/** Key moments of a `docker, native` chain run, in seconds since the process was spawned. */
function timeline(r) {
  const L = r.lines.filter((l) => l.stream === 'stdout' || l.stream === 'stderr');
  const at = (i) => (i >= 0 ? L[i].t : null);
  const iMaturin = find(L, /^(?:Using maturin |Installing maturin)/);
  const iG1 = find(L, /^::group::Attempt 1\//);
  const iDocker = find(L, /^maturin-fallback: docker run /, Math.max(iG1, 0));
  const iInside = iDocker >= 0 ? find(L, /^maturin-fallback: maturin .* in /, iDocker) : -1;
  const iFailed = find(L, /^✗ docker failed/);
  const iG2 = find(L, /^::group::Attempt 2\//);
  const iNative = iG2 >= 0 ? find(L, /^(?!::)/, iG2 + 1) : -1;
  const iOk = find(L, /^✓ native succeeded/);
  const iSmoke = find(L, /^::group::Smoke test/);
  const iSmokeEnd = iSmoke >= 0 ? find(L, /^::endgroup::/, iSmoke) : -1;
  const iNativeFinished = iG2 >= 0 ? find(L, /Finished\b.* in \d/, iG2) : -1;
  const docker = r.attempts[0];
  const tFailed = at(iFailed);
  const tFatal =
    tFailed !== null && docker?.fatalToEndSeconds !== undefined ? tFailed - docker.fatalToEndSeconds : null;
  return {
    maturinReady: at(iMaturin),
    attempt1: at(iG1),
    dockerRun: at(iDocker),
    insideContainer: at(iInside),
    fatal: tFatal,
    attempt1End: tFailed,
    attempt2: at(iG2),
    nativeFirstLine: at(iNative),
    nativeEnd: at(iOk),
    smokeTest: at(iSmoke),
    smokeTestEnd: at(iSmokeEnd),
    nativeCargoS: iNativeFinished >= 0 ? cargoSeconds(L[iNativeFinished].text) : null,
    exit: r.wallS,
    // the attempt-1 lines, for a cross-check of the fatal line
    attempt1Lines: iDocker >= 0 && iFailed >= 0 ? L.slice(iDocker + 1, iFailed) : [],
  };
}

/** Cargo's own `Finished … in 29.28s` (or `in 1m 02s`). */
function cargoSeconds(text) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: cargo colours its output with ANSI escapes.
  const m = /Finished\b.* in (?:(\d+)m )?(\d+(?:\.\d+)?)s/.exec(text.replace(/\u001b\[[0-9;]*m/g, ''));
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : null;
}

function probes(runner, ws) {
  const crate = path.join(ws, 'kzg-ext');
  const t = (argv, opts = {}) => {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      spawnSync(runner.argv(argv)[0], runner.argv(argv).slice(1), {
        stdio: 'ignore',
        env: runner.env,
        ...opts,
      });
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    return median(times);
  };
  return {
    dockerVersionS: t(['docker', 'version', '--format', '{{.Server.Version}}']),
    maturinVersionS: t(['maturin', '--version']),
    imageInspectS: t(['docker', 'image', 'inspect', '--format', '{{.Id}}', IMAGE]),
    rustcSysrootS: t(['rustc', '--print', 'sysroot'], {cwd: crate}),
    cargoFetchS: t(['cargo', 'fetch'], {cwd: crate}),
    containerRunTrueS: t(['docker', 'run', '--rm', '--network', 'none', IMAGE, 'true']),
  };
}

/** `docker run` of maturin in the stand-in image with the host toolchain, maturin and registry mounted, to its end. */
export async function plainDocker({
  runner,
  ws,
  outDir,
  LogClassifier,
  crateName = 'kzg-ext',
  name: logName = 'status-quo-1-plain-docker',
}) {
  const crate = path.join(ws, crateName);
  const sysroot = capture(runner.argv(['rustc', '--print', 'sysroot']), {cwd: crate, env: runner.env});
  const which = capture(runner.argv(['sh', '-c', 'command -v maturin']), {env: runner.env});
  const maturin = realpathSync(which);
  const cargoHome = runner.env.CARGO_HOME || path.join(runner.env.HOME, '.cargo');
  const name = `mf-bench-${process.pid}-${Date.now().toString(36)}`;
  const argv = [
    'docker',
    'run',
    '--rm',
    '--name',
    name,
    '--network',
    'none',
    '-e',
    'CFLAGS=-std=gnu89',
    '--mount',
    `type=bind,source=${ws},target=${ws}`,
    '--mount',
    `type=bind,source=${sysroot},target=${sysroot},readonly`,
    '--mount',
    `type=bind,source=${maturin},target=/opt/mf/bin/maturin,readonly`,
    '--mount',
    `type=bind,source=${path.join(cargoHome, 'registry')},target=/cargo-home/registry`,
    '-e',
    'CARGO_HOME=/cargo-home',
    '-e',
    `CARGO_TARGET_DIR=${path.join(crate, 'target', 'plain-docker')}`,
    '-e',
    'CARGO_NET_OFFLINE=true',
    '-e',
    'CARGO_TERM_COLOR=always',
    '-e',
    `PATH=${sysroot}/bin:/opt/mf/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    '--workdir',
    crate,
    IMAGE,
    'maturin',
    'build',
    '--release',
    '--out',
    path.join(crate, 'dist-plain-docker'),
  ];
  try {
    const r = await run(runner.argv(argv), {env: runner.env});
    saveLog(outDir, logName, r.lines);
    const fatal = firstFatal(LogClassifier, r.lines);
    return {
      wallS: r.wallS,
      code: r.code,
      fatalS: fatal?.t ?? null,
      fatalLine: fatal?.text.slice(0, 200),
      firstLineS: r.lines[0]?.t ?? null,
    };
  } finally {
    spawnSync('docker', ['rm', '-f', name], {stdio: 'ignore'});
    // The container wrote root-owned files into the mounted registry; hand them back (not timed).
    if (runner.user !== 'root' && process.getuid?.() === 0) runner.own(path.join(cargoHome, 'registry'));
  }
}

/** A cold native `maturin build --release` on a fresh copy with its own CARGO_TARGET_DIR. */
export async function plainNative({runner, ws, outDir, name, crateName = 'kzg-ext'}) {
  const crate = path.join(ws, crateName);
  const env = {...runner.env, CARGO_TARGET_DIR: path.join(ws, 'target-plain-native')};
  const r = await run(
    runner.argv(['maturin', 'build', '--release', '--out', path.join(ws, 'dist-plain-native')]),
    {cwd: crate, env},
  );
  saveLog(outDir, name, r.lines);
  let wheels = [];
  try {
    wheels = readdirSync(path.join(ws, 'dist-plain-native')).filter((f) => f.endsWith('.whl'));
  } catch {}
  const finished = r.lines.find((l) => /Finished\b.* in \d/.test(l.text));
  return {wallS: r.wallS, code: r.code, wheels, cargoS: finished ? cargoSeconds(finished.text) : null};
}

export async function chainBench({root, runner, outDir, log}) {
  const LogClassifier = await loadClassifier(root).catch(() => undefined);
  const out = {runner: runner.note};
  const workspaces = [];
  const fresh = (crate) => {
    const ws = makeWorkspace(root, crate, runner);
    workspaces.push(ws);
    return ws;
  };
  try {
    // 6 first: a docker-only build of pyo3-pure with --network none. It is also the warm-up (page
    // cache for rustc, the registry sources and the image), so the timed kzg runs start equal.
    {
      const ws = fresh('pyo3-pure');
      const r = await runAction({
        root,
        runner,
        ws,
        name: 'containers-pyo3-pure-network-none',
        outDir,
        inputs: {
          'working-directory': 'pyo3-pure',
          container: IMAGE,
          'docker-options': '--network none',
          args: '--release',
          upload: 'false',
          strategies: 'docker',
        },
      });
      const dockerLine = r.lines.find((l) => /^maturin-fallback: docker run /.test(l.text))?.text ?? '';
      const wheels = (r.outputs.wheels ?? '').split('\n').filter(Boolean);
      out.containers = {
        code: r.code,
        wallS: r.wallS,
        strategy: r.outputs.strategy,
        outcome: r.attempts[0]?.outcome,
        wheels: wheels.map((w) => path.basename(w)),
        networkNone: /(?:^| )--network none(?: |$)/.test(dockerLine),
        offlineCargo: /CARGO_NET_OFFLINE=true/.test(dockerLine),
        hostToolchainMounted: /MF_TOOLCHAIN_BIN=/.test(dockerLine),
        installedInContainer: r.lines.some((l) => /installing Rust|pip install|pulling /.test(l.text)),
      };
      log(
        `  pyo3-pure, docker only, --network none: exit ${r.code}, ${out.containers.outcome}, ${out.containers.wheels.join(', ') || 'no wheel'} (${r.wallS.toFixed(1)} s)`,
      );
    }

    // The physical native build, a first time (a second one follows the chain runs; the faster
    // counts, so CPU noise from other work on the machine does not flatter the chain).
    const nativeA = await plainNative({runner, ws: fresh('kzg-ext'), outDir, name: 'plain-native-a'});
    log(`  plain cold native maturin build (1 of 2): exit ${nativeA.code}, ${nativeA.wallS.toFixed(1)} s`);

    // 1 + 2: the chain with early abort on, then off, each on a fresh copy (same work).
    for (const mode of ['on', 'off']) {
      const ws = fresh('kzg-ext');
      const r = await runAction({
        root,
        runner,
        ws,
        name: `chain-early-abort-${mode}`,
        outDir,
        inputs: kzgInputs(mode === 'off' ? {'early-abort': 'false'} : {}),
      });
      const [docker, native] = r.attempts;
      const tl = timeline(r);
      const check = firstFatal(LogClassifier, tl.attempt1Lines);
      delete tl.attempt1Lines;
      out[`chain_${mode}`] = {
        code: r.code,
        wallS: r.wallS,
        strategy: r.outputs.strategy,
        fellBack: r.outputs['fell-back'],
        failureClass: r.outputs['failure-class'],
        docker: docker && {
          outcome: docker.outcome,
          class: docker.class,
          abortedEarly: docker.abortedEarly,
          durationSeconds: docker.durationSeconds,
          fatalToEndSeconds: docker.fatalToEndSeconds,
          evidence: docker.evidence?.slice(0, 160),
        },
        native: native && {outcome: native.outcome, durationSeconds: native.durationSeconds},
        timeline: tl,
        fatalLine: check ? {receivedAtS: check.t, text: check.text.slice(0, 200)} : null,
      };
      log(
        `  kzg-ext chain, early abort ${mode}: exit ${r.code}, docker ${docker?.outcome}${docker?.abortedEarly ? ' (aborted early)' : ''} → ${native?.outcome ?? '-'}; fatal→end ${docker?.fatalToEndSeconds?.toFixed(2) ?? '?'} s; total ${r.wallS.toFixed(1)} s`,
      );
      if (mode === 'on') out.probes = probes(runner, ws);
    }

    // 3: the status quo, two plain maturin runs in sequence on a fresh copy.
    {
      const ws = fresh('kzg-ext');
      const d = await plainDocker({runner, ws, outDir, LogClassifier});
      log(
        `  status quo 1, plain docker run to its end: exit ${d.code}, ${d.wallS.toFixed(1)} s (fatal line at ${d.fatalS?.toFixed(1) ?? '?'} s)`,
      );
      const nativeB = await plainNative({runner, ws, outDir, name: 'plain-native-b'});
      log(
        `  status quo 2, plain cold native maturin build (2 of 2): exit ${nativeB.code}, ${nativeB.wallS.toFixed(1)} s, ${nativeB.wheels.join(', ')}`,
      );
      out.plainDocker = d;
      const ok = [nativeA, nativeB].filter((n) => n.code === 0);
      const best = ok.length ? ok.reduce((a, b) => (b.wallS < a.wallS ? b : a)) : nativeB;
      out.plainNative = {
        ...best,
        runsS: [nativeA.wallS, nativeB.wallS],
        cargoRunsS: [nativeA.cargoS, nativeB.cargoS],
      };
    }
  } finally {
    for (const ws of workspaces) removeWorkspace(ws, IMAGE);
  }
  return out;
}

/** Makes sure docker, the daemon, the stand-in image and maturin exist; runs scripts/setup.sh when not. */
export function ensureDocker(root, log) {
  const ready = () =>
    spawnSync('docker', ['info'], {stdio: 'ignore'}).status === 0 &&
    spawnSync('docker', ['image', 'inspect', IMAGE], {stdio: 'ignore'}).status === 0 &&
    capture(['maturin', '--version']) !== undefined;
  if (ready()) return {setupRan: false};
  const setup = path.join(root, 'scripts', 'setup.sh');
  log(`  docker, the stand-in image or maturin is missing: running ${path.relative(root, setup)}`);
  const argv = process.getuid?.() === 0 ? [setup] : ['sudo', '-n', setup];
  const r = spawnSync(argv[0], argv.slice(1), {stdio: ['ignore', 'inherit', 'inherit']});
  if (r.status !== 0 || !ready())
    throw new Error(`scripts/setup.sh failed (exit ${r.status}); docker is not usable`);
  return {setupRan: true};
}
