import path from 'node:path';
import type {WheelAudit} from '../audit/audit.js';
import type {AttemptRecord} from '../chain/attempt.js';
import type {ChainResult} from '../chain/run-chain.js';
import {docsLink, type FailureClass} from '../classify/classes.js';
import type {UploadResult} from '../publish/upload.js';
import type {SmokeResult} from '../smoke/smoke-test.js';
import type {WheelInfo} from '../wheels/wheels.js';

export interface RunReport {
  readonly chain: ChainResult;
  readonly wheels: readonly WheelInfo[];
  readonly outDir: string;
  readonly artifactName?: string;
  readonly upload?: UploadResult;
  readonly uploadNote?: string;
  readonly smoke?: SmokeResult;
  /** Preflight predictions the run disproved (the attempt ran and did not fail as predicted). */
  readonly preflight?: readonly string[];
  /** The tag audit of each winning wheel (Linux wheels are judged; others say not-linux). */
  readonly audits?: readonly WheelAudit[];
  /** The one-line reason the step failed, if it did. */
  readonly error?: string;
}

/** Every log-derived string goes through this before it reaches the summary's HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`|]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function size(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function result(a: AttemptRecord): string {
  if (a.outcome === 'success') return '✅ wheels';
  if (a.outcome === 'skipped') return `⏭️ skipped: ${escapeHtml(a.reason ?? '')}`;
  if (a.outcome === 'remembered') return `🧠 remembered: skipped (${escapeHtml(a.reason ?? '')})`;
  if (a.outcome === 'predicted') return `🔮 predicted: skipped (${escapeHtml(a.reason ?? '')})`;
  return a.abortedEarly ? '❌ failed (aborted early)' : `❌ failed (exit ${a.exitCode ?? 'killed'})`;
}

function attemptRow(a: AttemptRecord, i: number): string {
  const cls = a.class ? `<code>${a.class}</code>` : '';
  const crates = (a.crates ?? []).map((c) => `<code>${escapeHtml(c)}</code>`).join(' ');
  return `| ${i + 1} | <code>${escapeHtml(a.strategy)}</code> | ${escapeHtml(a.image ?? 'host')} | ${result(a)} | ${cls} | ${crates} | ${a.durationSeconds.toFixed(1)}s |`;
}

function retriedOnUnknown(a: AttemptRecord, next: AttemptRecord | undefined): string[] {
  if (a.class !== 'unknown' || !next) return [];
  return [
    `The log of ${escapeHtml(a.strategy)} named no cause, so the chain retried with <code>${escapeHtml(next.strategy)}</code> on <code>unknown</code> (<code>fallback-on: environment</code> stops on unknown instead).`,
    '',
  ];
}

function failureDetails(a: AttemptRecord, next: AttemptRecord | undefined, env: NodeJS.ProcessEnv): string[] {
  if (a.outcome === 'remembered' || a.outcome === 'predicted') {
    return [
      `<details><summary>${escapeHtml(a.strategy)}: ${a.outcome} <code>${a.class}</code> (${a.outcome === 'remembered' ? 'the evidence of the run that failed' : 'the preflight table entry'})</summary>`,
      '',
      `<pre>${escapeHtml(a.evidence ?? '')}</pre>`,
      '',
      `${escapeHtml(a.reason ?? '')} See <a href="${docsLink(a.class as FailureClass, env)}">troubleshooting: ${a.class}</a>.`,
      '</details>',
      '',
    ];
  }
  if (a.outcome !== 'failed') return [];
  return [
    `<details><summary>${escapeHtml(a.strategy)}: <code>${a.class}</code> evidence (${a.confidence ?? 'low'} confidence)</summary>`,
    '',
    `<pre>${escapeHtml(a.evidence ?? '(no evidence line)')}</pre>`,
    '',
    ...retriedOnUnknown(a, next),
    `Remedy: ${escapeHtml(a.hint ?? '')} See <a href="${docsLink(a.class as FailureClass, env)}">troubleshooting: ${a.class}</a>.`,
    '</details>',
    '',
  ];
}

function auditCell(a: WheelAudit | undefined): string {
  if (!a) return '';
  const icon = {honest: '✅', dishonest: '❌', 'no-claim': '⚠️', 'not-linux': '', unreadable: '❌'}[a.verdict];
  const needs = a.newestGlibc ? `, needs <code>${escapeHtml(a.newestGlibc.version)}</code>` : '';
  return `${icon} ${a.verdict}${needs}${a.verdict === 'honest' || a.verdict === 'not-linux' ? '' : `: ${escapeHtml(a.reason)}`}`.trim();
}

/** The job summary: attempts table, evidence per failure, remedy, and the wheels. */
export function renderSummary(report: RunReport, env: NodeJS.ProcessEnv = {}): string {
  const {chain} = report;
  const built = `Built ${report.wheels.length} wheel(s) with <code>${escapeHtml(chain.winner?.strategy ?? '')}</code>${chain.fellBack ? ` after falling back${chain.fallbackReason ? ` (${escapeHtml(chain.fallbackReason)})` : ''}` : ''}`;
  const headline = !report.error
    ? `✅ ${built}`
    : report.wheels.length > 0
      ? `⚠️ ${built}, but: ${escapeHtml(report.error)}`
      : `❌ No wheels: ${escapeHtml(report.error)}`;
  const lines = [
    '## maturin fallback build',
    '',
    headline,
    '',
    '| # | strategy | image | result | class | crates | duration |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [i, a] of chain.attempts.entries()) lines.push(attemptRow(a, i));
  lines.push('');
  for (const [i, a] of chain.attempts.entries()) lines.push(...failureDetails(a, chain.attempts[i + 1], env));
  if (report.wheels.length > 0) {
    lines.push('### Wheels', '', '| wheel | tags | size | tag audit |', '|---|---|---|---|');
    for (const w of report.wheels) {
      const audit = report.audits?.find((a) => a.wheel === path.basename(w.file));
      lines.push(
        `| <code>${escapeHtml(path.basename(w.file))}</code> | ${escapeHtml([w.python, w.abi, w.platforms.join('.')].join('-'))} | ${size(w.bytes)} | ${auditCell(audit)} |`,
      );
    }
    lines.push('');
  }
  for (const line of report.preflight ?? []) lines.push(`🔮 ${escapeHtml(line)}`, '');
  if (report.smoke) {
    const icon = {passed: '✅', failed: '❌', skipped: '⏭️'}[report.smoke.status];
    const cls = report.smoke.cls ? ` <code>${report.smoke.cls}</code>` : '';
    lines.push(`Smoke test: ${icon} ${report.smoke.status}${cls}: ${escapeHtml(report.smoke.detail)}`, '');
    const each = report.smoke.wheels ?? [];
    if (each.length > 0) {
      lines.push('| wheel | smoke test | interpreter | detail |', '|---|---|---|---|');
      for (const w of each) {
        const mark = {passed: '✅ passed', failed: '❌ failed', 'not-tested': '⏭️ not tested'}[w.status];
        lines.push(
          `| <code>${escapeHtml(path.basename(w.wheel))}</code> | ${mark} | ${escapeHtml(w.python ?? '')} | ${escapeHtml(w.detail)} |`,
        );
      }
      lines.push('');
    }
  }
  if (report.upload) {
    const link = report.upload.url
      ? `<a href="${escapeHtml(report.upload.url)}">${escapeHtml(report.artifactName ?? '')}</a>`
      : escapeHtml(report.artifactName ?? '');
    lines.push(`Artifact: ${link} (id ${report.upload.id}, ${size(report.upload.size)})`, '');
  } else if (report.uploadNote) {
    lines.push(`Artifact: ${escapeHtml(report.uploadNote)}`, '');
  }
  return lines.join('\n');
}
