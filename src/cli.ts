import {createReadStream} from 'node:fs';
import {allowsFallback, DEFAULT_FALLBACK_ON, type Diagnosis, LogClassifier} from './classify/classifier.js';
import {InputError, readInputs} from './inputs/inputs.js';
import {probeHost} from './plan/host.js';
import {nodeProcesses} from './ports/process.js';
import {consoleReporter} from './ports/reporter.js';
import {actionsArtifacts} from './publish/upload.js';
import {attemptLine} from './report/lines.js';
import {runBuild} from './run.js';
import {installSignalHandlers} from './signals.js';

const USAGE = `usage:
  maturin-fallback classify [--json] FILE|-      diagnose a saved build log (raw GitHub logs welcome)
  maturin-fallback build [--INPUT VALUE]... [-- MATURIN ARGS]
      runs the same chain as the action; --INPUT is any action input, e.g.
      --strategies "docker:2014, native" --fallback-on environment --container IMAGE
      --docker-options "-e CFLAGS=-std=gnu89" --out-dir dist --working-directory path`;

async function classifyStream(stream: NodeJS.ReadableStream): Promise<Diagnosis> {
  const classifier = new LogClassifier();
  stream.setEncoding('utf8');
  for await (const chunk of stream) classifier.write(chunk as string);
  classifier.end();
  return classifier.diagnose();
}

async function classifyCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const stream = files[0] === '-' ? process.stdin : createReadStream(files[0]);
  const d = await classifyStream(stream);
  const fallback = allowsFallback(d, DEFAULT_FALLBACK_ON);
  if (json) {
    console.log(
      JSON.stringify({
        class: d.cls,
        classes: d.classes,
        crates: d.crates,
        evidence: d.evidence,
        hint: d.hint,
        docs: d.docs,
        fallback,
      }),
    );
  } else {
    console.log(`class:    ${d.cls}${d.classes.length > 1 ? ` (all: ${d.classes.join(', ')})` : ''}`);
    console.log(`crates:   ${d.crates.join(', ') || '-'}`);
    for (const line of d.evidence) console.log(`evidence: ${line}`);
    console.log(`hint:     ${d.hint}`);
    console.log(`fallback: ${fallback ? 'yes (environment problem)' : 'no'} under the default fallback-on`);
    console.log(`docs:     ${d.docs}`);
  }
  return 0;
}

/** Quotes one argument so string-argv gives it back unchanged. */
function quoteArg(arg: string): string {
  if (arg !== '' && !/[\s"'\\]/.test(arg)) return arg;
  return arg.includes('"') ? `'${arg}'` : `"${arg}"`;
}

function parseBuildFlags(args: string[]): Map<string, string> {
  const values = new Map<string, string>();
  const dashdash = args.indexOf('--');
  const own = dashdash >= 0 ? args.slice(0, dashdash) : args;
  if (dashdash >= 0)
    values.set(
      'args',
      args
        .slice(dashdash + 1)
        .map(quoteArg)
        .join(' '),
    );
  for (let i = 0; i < own.length; i++) {
    const flag = own[i];
    if (!flag.startsWith('--') || own[i + 1] === undefined)
      throw new InputError(`Unexpected argument '${flag}'.\n${USAGE}`);
    values.set(flag.slice(2), own[++i]);
  }
  return values;
}

async function buildCommand(args: string[]): Promise<number> {
  const flags = parseBuildFlags(args);
  const inputs = readInputs((name) => flags.get(name) ?? '');
  const reporter = consoleReporter();
  installSignalHandlers(reporter.info);
  const report = await runBuild(inputs, {
    processes: nodeProcesses,
    reporter,
    artifacts: actionsArtifacts,
    env: process.env,
    probeHost: (needDocker) => probeHost(nodeProcesses, process.env, needDocker),
  });
  console.log('\nSummary:');
  for (const a of report.chain.attempts) console.log(`  ${attemptLine(a, undefined).replace(/; .*$/, '')}`);
  for (const w of report.wheels) console.log(`  wheel: ${w.file} (${w.bytes} bytes)`);
  if (report.error) {
    console.error(`error: ${report.error}`);
    return 1;
  }
  return 0;
}

async function cli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'classify') return await classifyCommand(rest);
    if (command === 'build') return await buildCommand(rest);
    console.error(USAGE);
    return 2;
  } catch (e) {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    return e instanceof InputError ? 2 : 1;
  }
}

process.exitCode = await cli(process.argv.slice(2));
