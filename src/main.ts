import * as core from '@actions/core';
import {actionsCache} from './cache/cache.js';
import {readInputs} from './inputs/inputs.js';
import {probeHost} from './plan/host.js';
import {nodeProcesses} from './ports/process.js';
import type {Reporter} from './ports/reporter.js';
import {actionsArtifacts} from './publish/upload.js';
import {type RunReport, renderSummary} from './report/summary.js';
import {runBuild} from './run.js';
import {installSignalHandlers} from './signals.js';

const actionsReporter: Reporter = {
  info: (l) => core.info(l),
  startGroup: (t) => core.startGroup(t),
  endGroup: () => core.endGroup(),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
  notice: (m) => core.notice(m),
};

/** Outputs are set on failure too, wherever they are known. */
function setOutputs(report: RunReport): void {
  const {chain} = report;
  core.setOutput('wheels', report.wheels.map((w) => w.file).join('\n'));
  core.setOutput('strategy', chain.winner?.strategy ?? '');
  core.setOutput('fell-back', String(chain.fellBack));
  core.setOutput('fallback-reason', chain.fallbackReason ?? '');
  core.setOutput('failure-class', chain.failureClass ?? '');
  core.setOutput('attempts', JSON.stringify(chain.attempts.map(({files: _files, ...a}) => a)));
  core.setOutput('artifact-id', report.upload ? String(report.upload.id) : '');
  core.setOutput('artifact-url', report.upload?.url ?? '');
  core.setOutput('artifact-name', report.artifactName ?? '');
  core.setOutput('smoke-test', report.smoke?.status ?? '');
}

export async function main(): Promise<void> {
  installSignalHandlers((l) => core.info(l));
  try {
    const inputs = readInputs((name) => core.getInput(name));
    core.info(`maturin-fallback: running on Node ${process.version} (${process.platform}-${process.arch})`);
    const report = await runBuild(inputs, {
      processes: nodeProcesses,
      reporter: actionsReporter,
      artifacts: actionsArtifacts,
      cache: actionsCache,
      env: process.env,
      probeHost: (needDocker) => probeHost(nodeProcesses, process.env, needDocker),
    });
    setOutputs(report);
    if (process.env.GITHUB_STEP_SUMMARY)
      await core.summary.addRaw(renderSummary(report, process.env)).write();
    if (report.error) core.setFailed(report.error);
  } catch (e) {
    core.setFailed(e instanceof Error ? e.message : String(e));
  }
}

await main();
