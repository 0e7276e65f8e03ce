import type {Inputs} from '../inputs/inputs.js';
import {STRATEGIES} from '../strategies/registry.js';
import type {AttemptPlan, HostInfo} from '../strategies/strategy.js';

/** Turns the strategies input into the ordered attempts, each with its image and flags or its skip reason. */
export function planBuild(inputs: Inputs, host: HostInfo): AttemptPlan[] {
  if (inputs.command !== 'build') {
    // Other commands (sdist, upload, develop…) pass straight through to maturin on the host.
    return [
      {
        index: 0,
        spec: {kind: 'native', label: 'native'},
        label: 'native',
        policy: 'auto',
        target: inputs.target,
        flags: [],
      },
    ];
  }
  return inputs.strategies.map((spec, index) => {
    const fields = STRATEGIES[spec.kind].plan(spec, inputs, host);
    const label = spec.policy || fields.policy === 'auto' ? spec.label : `${spec.kind}:${fields.policy}`;
    return {index, spec, label, target: inputs.target, ...fields};
  });
}

/** The maturin argv (after the program) for one attempt. */
export function maturinArgv(inputs: Inputs, plan: AttemptPlan, wheelsDir: string): string[] {
  const target =
    plan.target && ['build', 'publish'].includes(inputs.command) ? ['--target', plan.target] : [];
  const out = ['build', 'sdist'].includes(inputs.command) ? ['--out', wheelsDir] : [];
  return [inputs.command, ...inputs.args, ...plan.flags, ...target, ...out];
}
