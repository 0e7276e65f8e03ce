import {FAILURE_CLASSES, type FailureClass} from './classes.js';
import {allowsFallback, type Diagnosis} from './classifier.js';

/** One corpus log, with the class its header names and what the classifier said of it. */
export interface ScoredCase {
  readonly file: string;
  readonly expected: FailureClass;
  readonly diagnosis: Pick<Diagnosis, 'cls' | 'classes'>;
}

export interface ClassRecall {
  readonly total: number;
  readonly correct: number;
  readonly recall: number;
}

export interface SplitMetrics {
  readonly total: number;
  readonly correct: number;
  /** Top class right, 0–1. */
  readonly accuracy: number;
  /** Fallback-or-stop decision right under the given fallback-on set, 0–1. */
  readonly decisionAccuracy: number;
  /** blst-ckzg logs named blst-ckzg, 0–1 (1 when there are none). */
  readonly blstRecall: number;
  /** Logs of another class named blst-ckzg, as a share of those logs, 0–1. */
  readonly falseBlst: number;
  readonly falseBlstCount: number;
  readonly perClass: Readonly<Record<string, ClassRecall>>;
  /** confusion[expected][predicted] = count, off-diagonal and diagonal alike. */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly misses: readonly {
    file: string;
    expected: FailureClass;
    predicted: FailureClass;
    decisionOk: boolean;
  }[];
  /** Logs whose fallback decision is wrong, with every class found. */
  readonly wrongDecisions: readonly {
    file: string;
    expected: FailureClass;
    classes: readonly FailureClass[];
  }[];
}

const ratio = (n: number, d: number, empty = 1): number => (d === 0 ? empty : n / d);

/** Scores a split: accuracy, the fallback decision, blst-ckzg recall and false alarms, per class. */
export function evaluate(cases: readonly ScoredCase[], fallbackOn: ReadonlySet<FailureClass>): SplitMetrics {
  const perClass: Record<string, {total: number; correct: number; recall: number}> = {};
  const confusion: Record<string, Record<string, number>> = {};
  const misses: SplitMetrics['misses'][number][] = [];
  const wrongDecisions: SplitMetrics['wrongDecisions'][number][] = [];
  let correct = 0;
  let decisions = 0;
  for (const c of cases) {
    const predicted = c.diagnosis.cls;
    const decisionOk =
      allowsFallback({classes: [c.expected]}, fallbackOn) === allowsFallback(c.diagnosis, fallbackOn);
    perClass[c.expected] ??= {total: 0, correct: 0, recall: 0};
    const entry = perClass[c.expected];
    entry.total++;
    confusion[c.expected] ??= {};
    const row = confusion[c.expected];
    row[predicted] = (row[predicted] ?? 0) + 1;
    if (predicted === c.expected) {
      correct++;
      entry.correct++;
    } else misses.push({file: c.file, expected: c.expected, predicted, decisionOk});
    if (decisionOk) decisions++;
    else wrongDecisions.push({file: c.file, expected: c.expected, classes: c.diagnosis.classes});
  }
  for (const e of Object.values(perClass)) e.recall = ratio(e.correct, e.total);
  const blst = cases.filter((c) => c.expected === 'blst-ckzg');
  const others = cases.filter((c) => c.expected !== 'blst-ckzg');
  const falseBlstCount = others.filter((c) => c.diagnosis.cls === 'blst-ckzg').length;
  return {
    total: cases.length,
    correct,
    accuracy: ratio(correct, cases.length),
    decisionAccuracy: ratio(decisions, cases.length),
    blstRecall: ratio(blst.filter((c) => c.diagnosis.cls === 'blst-ckzg').length, blst.length),
    falseBlst: ratio(falseBlstCount, others.length, 0),
    falseBlstCount,
    perClass: sortByClass(perClass),
    confusion: sortByClass(confusion),
    misses,
    wrongDecisions,
  };
}

function sortByClass<T>(record: Record<string, T>): Record<string, T> {
  const order = (k: string) => FAILURE_CLASSES.indexOf(k as FailureClass);
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => order(a) - order(b)));
}

/** The largest off-diagonal cells of a confusion matrix, largest first. */
export function largestConfusions(
  confusion: SplitMetrics['confusion'],
  limit = 5,
): {expected: string; predicted: string; count: number}[] {
  const cells = Object.entries(confusion).flatMap(([expected, row]) =>
    Object.entries(row)
      .filter(([predicted]) => predicted !== expected)
      .map(([predicted, count]) => ({expected, predicted, count})),
  );
  return cells.sort((a, b) => b.count - a.count).slice(0, limit);
}
