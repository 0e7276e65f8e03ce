import path from 'node:path';
import type {AttemptRecord} from '../chain/attempt.js';

function seconds(s: number): string {
  return `${s.toFixed(1)}s`;
}

function exitText(a: AttemptRecord): string {
  if (a.abortedEarly) return 'aborted early';
  return a.exitCode === null || a.exitCode === undefined ? 'killed' : `exit ${a.exitCode}`;
}

/**
 * The one ungrouped line after each attempt.
 * next: the strategy the chain falls back to; null when none is left; false when the class forbids it.
 */
export function attemptLine(a: AttemptRecord, next: string | null | false | undefined): string {
  if (a.outcome === 'skipped') return `↷ ${a.strategy} skipped: ${a.reason}`;
  if (a.outcome === 'remembered' || a.outcome === 'predicted')
    return `↷ ${a.strategy} skipped, ${a.reason}${a.evidence ? ` (evidence then: ${a.evidence})` : ''}`;
  if (a.outcome === 'success') {
    const names = a.files.map((f) => path.basename(f));
    return `✓ ${a.strategy} succeeded in ${seconds(a.durationSeconds)} → ${names.join(', ')}`;
  }
  const crates = a.crates?.length ? ` [${a.crates.join(', ')}]` : '';
  const then = next
    ? a.class === 'unknown'
      ? `falling back to ${next} on unknown (no evidence either way; fallback-on: environment stops here instead)`
      : `falling back to ${next}`
    : next === null
      ? 'no strategy left'
      : `not falling back: ${a.class} is not in fallback-on`;
  const confidence = a.confidence === 'low' && a.class !== 'unknown' ? ' (low confidence)' : '';
  return `✗ ${a.strategy} failed (${exitText(a)}) → ${a.class}${crates}${confidence}: ${a.evidence ?? 'no evidence line'}; ${then}`;
}
