import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);
import {
  actionsArtifacts,
  actionsCache,
  attemptLine,
  installSignalHandlers,
  nodeProcesses,
  probeHost,
  readInputs,
  runBuild
} from "./chunk-R7JV27P4.js";
import {
  USAGE
} from "./chunk-SETRQN7R.js";
import {
  InputError
} from "./chunk-RNMTXNWA.js";
import "./chunk-KVPB3KAW.js";

// src/ports/reporter.ts
function consoleReporter(write = (l) => process.stdout.write(`${l}
`)) {
  return {
    info: write,
    startGroup: (title) => write(`\u25B6 ${title}`),
    endGroup: () => void 0,
    warning: (m) => write(`warning: ${m}`),
    error: (m) => write(`error: ${m}`),
    notice: (m) => write(`notice: ${m}`)
  };
}

// src/cli-build.ts
function quoteArg(arg) {
  if (arg !== "" && !/[\s"'\\]/.test(arg)) return arg;
  return arg.includes('"') ? `'${arg}'` : `"${arg}"`;
}
function parseBuildFlags(args) {
  const values = /* @__PURE__ */ new Map();
  const dashdash = args.indexOf("--");
  const own = dashdash >= 0 ? args.slice(0, dashdash) : args;
  if (dashdash >= 0)
    values.set(
      "args",
      args.slice(dashdash + 1).map(quoteArg).join(" ")
    );
  for (let i = 0; i < own.length; i++) {
    const flag = own[i];
    if (!flag.startsWith("--") || own[i + 1] === void 0)
      throw new InputError(`Unexpected argument '${flag}'.
${USAGE}`);
    values.set(flag.slice(2), own[++i]);
  }
  return values;
}
async function buildCommand(args) {
  const flags = parseBuildFlags(args);
  const inputs = readInputs((name) => flags.get(name) ?? "");
  const reporter = consoleReporter();
  installSignalHandlers(reporter.info);
  const report = await runBuild(inputs, {
    processes: nodeProcesses,
    reporter,
    artifacts: actionsArtifacts,
    cache: actionsCache,
    env: process.env,
    probeHost: (needDocker) => probeHost(nodeProcesses, process.env, needDocker)
  });
  console.log("\nSummary:");
  for (const a of report.chain.attempts) console.log(`  ${attemptLine(a, void 0).replace(/; .*$/, "")}`);
  for (const w of report.wheels) console.log(`  wheel: ${w.file} (${w.bytes} bytes)`);
  if (report.error) {
    console.error(`error: ${report.error}`);
    return 1;
  }
  return 0;
}
export {
  buildCommand
};
