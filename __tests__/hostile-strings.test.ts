/**
 * Hostile strings in user inputs never run as commands. Everything here executes for real: bash runs
 * the real container script, node's spawn runs the real docker argv (with node standing in for docker),
 * and the real process port starts the programs. A command that ran would create the file X.
 */
import {spawn, spawnSync} from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeEach, describe, expect, it} from '@jest/globals';
import {InputError} from '../src/inputs/inputs.js';
import {maturinArgv, planBuild} from '../src/plan/planner.js';
import {nodeProcesses, resolveProgram} from '../src/ports/process.js';
import {containerScript, dockerRunArgv} from '../src/strategies/docker-run.js';
import type {HostInfo} from '../src/strategies/strategy.js';
import {inputsFrom, LINUX_X64_HOST} from './helpers/inputs.js';

/** Each would create X in the working directory if a shell ever parsed it. */
const HOSTILE = [
  '$(touch X)',
  '`touch X`',
  '; touch X',
  "' ; touch X '",
  '" && touch X "',
  '\ntouch X',
  '| touch X',
  '${IFS}touch${IFS}X',
  '--out=$(touch X)',
  '*',
  '',
];

const root = mkdtempSync(path.join(os.tmpdir(), 'mf-hostile-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

/** A fresh working directory per test, named hostilely too. */
let cwd = '';
let caseNo = 0;
beforeEach(() => {
  cwd = path.join(root, `case ${++caseNo} $(touch X) \`touch X\` ; touch X`);
  mkdirSync(cwd);
});

function expectNothingRan(): void {
  expect(readdirSync(cwd).filter((f) => f === 'X')).toEqual([]);
  expect(existsSync(path.join(root, 'X'))).toBe(false);
  expect(existsSync(path.join(process.cwd(), 'X'))).toBe(false);
}

const PRINT_ARGV = 'console.log(JSON.stringify(process.argv.slice(1)))';

describe('the real container script under bash', () => {
  it('control: the X check sees a hostile string that a shell did parse', () => {
    spawnSync('bash', ['-c', `echo ${HOSTILE[0]}`], {cwd});
    expect(existsSync(path.join(cwd, 'X'))).toBe(true);
  });

  it('hands every hostile argument to maturin verbatim and runs none', () => {
    const binDir = path.join(cwd, 'maturin dir $(touch X); `touch X`');
    const toolchainBin = path.join(cwd, "toolchain ' ; touch X '");
    mkdirSync(binDir);
    mkdirSync(toolchainBin);
    const received = path.join(cwd, 'received.bin');
    const shim = path.join(binDir, 'maturin');
    writeFileSync(
      shim,
      [
        '#!/bin/bash',
        'if [ "${1:-}" = "--version" ]; then echo "maturin 1.0.0"; exit 0; fi',
        `printf '%s\\0' "$@" > "$MF_RECEIVED"`,
        '',
      ].join('\n'),
    );
    chmodSync(shim, 0o755);
    const script = path.join(cwd, 'run-maturin $(touch X).sh');
    writeFileSync(script, containerScript({hostTools: true, beforeScript: ''}));

    const args = ['build', ...HOSTILE, '--out', path.join(cwd, 'wheels; touch X')];
    const r = spawnSync('bash', [script, ...args], {
      cwd,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        MF_MATURIN_DIR: binDir,
        MF_TOOLCHAIN_BIN: toolchainBin,
        MF_RECEIVED: received,
      },
    });

    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^maturin-fallback: maturin 1\.0\.0 in /);
    const got = readFileSync(received, 'utf8').split('\0');
    expect(got.pop()).toBe('');
    expect(got).toEqual(args);
    expectNothingRan();
  });
});

const HOST: HostInfo = LINUX_X64_HOST;

const ARGS_INPUT =
  `--release -i '$(touch X)' --features "\`touch X\`" '; touch X' "' ; touch X '" '" && touch X "' ` +
  '$(touch X) ;touch X &&touch X a|touch X';
const ARGS_PARSED = [
  '--release',
  '-i',
  '$(touch X)',
  '--features',
  '`touch X`',
  '; touch X',
  "' ; touch X '",
  '" && touch X "',
  '$(touch',
  'X)',
  ';touch',
  'X',
  '&&touch',
  'X',
  'a|touch',
  'X',
];
const OPTIONS_INPUT = `-e 'A=$(touch X)' --label "b=\`touch X\`" --env=C=;touch\${IFS}X -v "/tmp/a b:/x"`;
const OPTIONS_PARSED = [
  '-e',
  'A=$(touch X)',
  '--label',
  'b=`touch X`',
  '--env=C=;touch${IFS}X',
  '-v',
  '/tmp/a b:/x',
];
const ARTIFACT_NAME = '$(touch X) ; `touch X` && touch X';

function runPrinter(argv: readonly string[], dir: string): Promise<{code: number | null; stdout: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', PRINT_ARGV, ...argv], {cwd: dir});
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({code, stdout}));
  });
}

describe('hostile inputs through readInputs and the docker argv', () => {
  it('parses them into plain words and passes them to the program untouched', async () => {
    mkdirSync(path.join(cwd, 'crate $(touch X)'));
    const inputs = inputsFrom(
      {
        args: ARGS_INPUT,
        'docker-options': OPTIONS_INPUT,
        'artifact-name': ARTIFACT_NAME,
        'working-directory': 'crate $(touch X)',
      },
      cwd,
    );
    expect(inputs.args).toEqual(ARGS_PARSED);
    expect(inputs.dockerOptions).toEqual(OPTIONS_PARSED);
    expect(inputs.artifactName).toBe(ARTIFACT_NAME);

    const [plan] = planBuild(inputs, HOST);
    const wheelsDir = path.join(cwd, "wheels ' ; touch X '");
    const argv = dockerRunArgv({
      name: inputs.artifactName,
      image: plan.image as string,
      workdir: inputs.workingDirectory,
      mounts: [{source: inputs.workingDirectory, target: inputs.workingDirectory}],
      forwardEnv: ['CFLAGS'],
      setEnv: {MF_TARGET: '`touch X`'},
      dockerOptions: inputs.dockerOptions,
      scriptPath: path.join(cwd, 'run $(touch X).sh'),
      maturinArgs: maturinArgv(inputs, plan, wheelsDir),
    });
    for (const word of [...ARGS_PARSED, ...OPTIONS_PARSED, ARTIFACT_NAME, wheelsDir]) {
      expect(argv).toContain(word);
    }

    const {code, stdout} = await runPrinter(argv, cwd);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(argv);
    expectNothingRan();
  });

  it.each(['args', 'docker-options'])('rejects a newline in %s before anything runs', (input) => {
    expect(() => inputsFrom({[input]: '--release\ntouch X'}, cwd)).toThrow(InputError);
    expectNothingRan();
  });
});

describe('the real process port', () => {
  it('capture passes hostile argv elements verbatim', async () => {
    const argv = [process.execPath, '-e', PRINT_ARGV, ...HOSTILE];
    const r = await nodeProcesses.capture({argv, cwd});
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(HOSTILE);
    expectNothingRan();
  });

  it('start passes hostile argv elements verbatim', async () => {
    const lines: string[] = [];
    const running = nodeProcesses.start({argv: [process.execPath, '-e', PRINT_ARGV, ...HOSTILE], cwd}, (l) =>
      lines.push(l),
    );
    const r = await running.done;
    expect(r.exitCode).toBe(0);
    expect(lines.map((l) => JSON.parse(l))).toEqual([HOSTILE]);
    expectNothingRan();
  });

  it('capture hands stdin to the program as data', async () => {
    const input = HOSTILE.join('\n');
    const r = await nodeProcesses.capture({argv: ['cat'], cwd, input});
    expect(r.stdout).toBe(input);
    expectNothingRan();
  });

  it.each(HOSTILE.filter((h) => h.trim() !== '' && h !== '*'))(
    'a hostile program name %j is not found rather than run',
    async (program) => {
      const captured = await nodeProcesses.capture({argv: [program], cwd});
      expect(captured.spawnError).toMatch(/ENOENT/);
      const started = await nodeProcesses.start({argv: [program, program], cwd}, () => undefined).done;
      expect(started.spawnError).toMatch(/ENOENT/);
      expectNothingRan();
    },
  );
});

describe('resolveProgram (one-shot calls find programs on the PATH they run with)', () => {
  it('finds a program on the given PATH, not only on this process PATH, and leaves paths alone', () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'mf-bin-'));
    const tool = path.join(bin, 'mf-only-here');
    writeFileSync(tool, '#!/bin/sh\necho only-here\n', {mode: 0o755});
    expect(resolveProgram('mf-only-here', {PATH: `/nonexistent:${bin}`})).toBe(tool);
    expect(resolveProgram('mf-only-here', {PATH: '/nonexistent'})).toBe('mf-only-here');
    expect(resolveProgram('./x/y', {PATH: bin})).toBe('./x/y');
    writeFileSync(path.join(bin, 'not-executable'), 'x', {mode: 0o644});
    expect(resolveProgram('not-executable', {PATH: bin})).toBe('not-executable');
    // Windows: PATHEXT, `;` between entries
    expect(resolveProgram('mf-only-here', {PATH: `C:\\nowhere;${bin}`, PATHEXT: '.EXE'}, 'win32')).toBe(
      path.join(bin, 'mf-only-here'),
    );
  });

  it('runs a program found only on the PATH passed to capture', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'mf-bin-'));
    writeFileSync(path.join(bin, 'mf-hello'), '#!/bin/sh\necho "hello $1"\n', {mode: 0o755});
    const r = await nodeProcesses.capture({
      argv: ['mf-hello', 'a b'],
      env: {...process.env, PATH: `${bin}:${process.env.PATH}`},
    });
    expect(r).toMatchObject({exitCode: 0, stdout: 'hello a b\n'});
  });
});
