import {actionsCache} from './cache/cache.js';
import {USAGE} from './cli-usage.js';
import {InputError, readInputs} from './inputs/inputs.js';
import {probeHost} from './plan/host.js';
import {nodeProcesses} from './ports/process.js';
import {consoleReporter} from './ports/reporter.js';
import {actionsArtifacts} from './publish/upload.js';
import {attemptLine} from './report/lines.js';
import {runBuild} from './run.js';
import {installSignalHandlers} from './signals.js';

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

export async function buildCommand(args: string[]): Promise<number> {
  const flags = parseBuildFlags(args);
  const inputs = readInputs((name) => flags.get(name) ?? '');
  const reporter = consoleReporter();
  installSignalHandlers(reporter.info);
  const report = await runBuild(inputs, {
    processes: nodeProcesses,
    reporter,
    artifacts: actionsArtifacts,
    cache: actionsCache,
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
