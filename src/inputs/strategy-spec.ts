import {normalizePolicy, POLICIES, type Policy} from './policy.js';

/** Every strategy kind the chain knows. Adding one means adding it here and in strategies/registry.ts. */
export const STRATEGY_KINDS = ['docker', 'zig', 'native'] as const;
export type StrategyKind = (typeof STRATEGY_KINDS)[number];

export interface StrategySpec {
  readonly kind: StrategyKind;
  /** Undefined when the user wrote the bare kind; each strategy decides what that means. */
  readonly policy?: Policy;
  /** As the user wrote it, normalized: `docker:2014`, `native`. */
  readonly label: string;
}

export class InputError extends Error {
  override readonly name = 'InputError';
}

export function invalid(input: string, value: string, allowed: string): InputError {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return new InputError(
    `Invalid input '${input}': '${shown.replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'. Allowed: ${allowed}.`,
  );
}

const STRATEGY_ALLOWED = `a comma-separated list of ${STRATEGY_KINDS.join('|')}[:POLICY], POLICY one of ${POLICIES.join(', ')}`;

/** `docker:2014, docker:2_28, native` → ordered specs. */
export function parseStrategies(raw: string): StrategySpec[] {
  const items = raw.split(/[,\s]+/).filter((s) => s !== '');
  if (items.length === 0) throw invalid('strategies', raw, STRATEGY_ALLOWED);
  const specs = items.map((item) => parseOne(item, raw));
  const labels = specs.map((s) => s.label);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup) throw invalid('strategies', raw, `each strategy once ('${dup}' appears twice)`);
  return specs;
}

function parseOne(item: string, raw: string): StrategySpec {
  const [kindText, policyText, extra] = item.split(':');
  const kind = STRATEGY_KINDS.find((k) => k === kindText.toLowerCase());
  if (!kind || extra !== undefined) throw invalid('strategies', raw, STRATEGY_ALLOWED);
  if (policyText === undefined) return {kind, label: kind};
  const policy = normalizePolicy(policyText);
  if (!policy) throw invalid('strategies', raw, STRATEGY_ALLOWED);
  if (policy === 'off' && kind !== 'native') {
    throw invalid(
      'strategies',
      raw,
      `${kind} builds manylinux wheels; only native:off gives a linux_* wheel`,
    );
  }
  return {kind, policy, label: `${kind}:${policy}`};
}
