import {describe, expect, it} from '@jest/globals';
import {EarlyAbort} from '../src/chain/attempt.js';
import {DEFAULT_FALLBACK_ON, LogClassifier} from '../src/classify/classifier.js';

/** Feeds lines as runAttempt does; returns whether the attempt was aborted. */
function feed(lines: readonly string[]): boolean {
  const classifier = new LogClassifier();
  const controller = new AbortController();
  const early = new EarlyAbort(classifier, DEFAULT_FALLBACK_ON, controller, Date.now, 0);
  for (const line of lines) early.onLine(line, classifier.pushLine(line));
  early.stop();
  return controller.signal.aborted;
}

describe('early abort under the default fallback-on (environment, unknown)', () => {
  it('aborts once a decided environment failure has been printed', () => {
    expect(
      feed([
        'error: failed to run custom build command for `c-kzg v2.1.1`',
        "  src/ckzg.c:3:5: error: 'for' loop initial declarations are only allowed in C99 mode",
        'warning: build failed, waiting for other jobs to finish...',
      ]),
    ).toBe(true);
  });

  it('never aborts on unknown: mid-stream it means the decisive line has not come yet', () => {
    expect(feed(['warning: build failed, waiting for other jobs to finish...', '💥 maturin failed'])).toBe(
      false,
    );
  });

  it('never aborts when the failure stops the chain (a Rust error)', () => {
    expect(
      feed(['error[E0308]: mismatched types', 'warning: build failed, waiting for other jobs to finish...']),
    ).toBe(false);
  });
});
