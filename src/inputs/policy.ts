/** A manylinux/musllinux compatibility spec, normalized: `auto`, `off`, `2014`, `2_28`, `musllinux_1_2`… */
export type Policy = string;

export const POLICIES = [
  'auto',
  'off',
  '2010',
  '2_12',
  '2014',
  '2_17',
  '2_24',
  '2_28',
  '2_31',
  '2_34',
  '2_35',
  '2_36',
  '2_39',
  'musllinux_1_1',
  'musllinux_1_2',
] as const;

/** Accepts maturin-action's spellings: `manylinux2014`, `manylinux_2_28`, `2_28`, `musllinux_1_2`. */
export function normalizePolicy(raw: string): Policy | undefined {
  const value = raw
    .trim()
    .toLowerCase()
    .replace(/^manylinux_?/, '');
  return (POLICIES as readonly string[]).includes(value) ? value : undefined;
}

export function isMusl(policy: Policy): boolean {
  return policy.startsWith('musllinux');
}

/** The platform-tag spelling maturin prints for a concrete policy, for messages. */
export function policyTag(policy: Policy): string {
  if (isMusl(policy) || policy === 'auto' || policy === 'off') return policy;
  const aliases: Record<string, string> = {'2010': '2_12', '2014': '2_17'};
  return `manylinux_${aliases[policy] ?? policy}`;
}
