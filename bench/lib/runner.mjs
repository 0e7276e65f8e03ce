// Who runs the builds. GitHub's runner user is not root, and the action then pays for handing
// container-written files back (a second, short container). When the bench runs as root and
// scripts/setup.sh created the `builder` user (uid 1500, group docker), every build in the bench
// (the action and the plain maturin runs alike) runs as builder, as the e2e tests do.
import {execFileSync} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BUILDER_ENV_FILE = '/etc/maturin-fallback/builder.env';

function builderEnv() {
  const env = {};
  for (const line of readFileSync(BUILDER_ENV_FILE, 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) env[line.slice(0, i)] = line.slice(i + 1);
  }
  return env;
}

function builderExists() {
  try {
    execFileSync('id', ['-u', 'builder'], {stdio: 'ignore'});
    return existsSync(BUILDER_ENV_FILE);
  } catch {
    return false;
  }
}

/** Base environment without the variables that would change what a build does. */
function cleanEnv(env) {
  const out = {...env};
  for (const k of Object.keys(out)) {
    if (/^(INPUT_|ACTIONS_|GITHUB_|RUNNER_)/.test(k)) delete out[k];
  }
  for (const k of ['CARGO_TARGET_DIR', 'RUSTC_WRAPPER', 'CARGO_BUILD_JOBS', 'CFLAGS', 'MATURIN_PEP517_ARGS'])
    delete out[k];
  return out;
}

export function makeRunner() {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && builderExists()) {
    const env = cleanEnv({...builderEnv(), LANG: process.env.LANG ?? 'C.UTF-8'});
    return {
      user: 'builder',
      env,
      argv: (argv) => ['/usr/sbin/runuser', '-u', 'builder', '--', ...argv],
      own: (dir) => execFileSync('chown', ['-R', 'builder:builder', dir]),
      note: 'builds run as the non-root user builder (uid 1500), like a GitHub runner user, so the ownership fix is paid',
    };
  }
  return {
    user: os.userInfo().username,
    env: cleanEnv(process.env),
    argv: (argv) => argv,
    own: () => undefined,
    note: isRoot
      ? 'builds run as root (no builder user; run scripts/setup.sh): the action skips its ownership fix, which a non-root runner pays'
      : `builds run as ${os.userInfo().username}`,
  };
}

/** A fresh workspace holding a copy of a fixture crate, without its build output. */
export function makeWorkspace(root, crate, runner) {
  const ws = mkdtempSync(path.join(os.tmpdir(), `mf-bench-${crate}-`));
  cpSync(path.join(root, '__tests__', 'fixtures', crate), path.join(ws, crate), {
    recursive: true,
    filter: (src) => !/[/\\](target|dist)$/.test(src),
  });
  runner.own(ws);
  return ws;
}

/** Removes a workspace; files a container left root-owned are removed through the image when we are not root. */
export function removeWorkspace(ws, image) {
  try {
    rmSync(ws, {recursive: true, force: true});
  } catch {
    try {
      execFileSync(
        'docker',
        [
          'run',
          '--rm',
          '--network',
          'none',
          '--mount',
          `type=bind,source=${ws},target=/ws`,
          image,
          'rm',
          '-rf',
          '/ws',
        ],
        {stdio: 'ignore'},
      );
      rmSync(ws, {recursive: true, force: true});
    } catch {
      // left for the OS to clean up
    }
  }
}
