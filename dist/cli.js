import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);
import {
  DEFAULT_FALLBACK_ON,
  InputError,
  LogClassifier,
  actionsArtifacts,
  allowsFallback,
  attemptLine,
  installSignalHandlers,
  nodeProcesses,
  probeHost,
  readInputs,
  runBuild
} from "./chunks/chunk-4BAGA356.js";
import "./chunks/chunk-KVPB3KAW.js";

// src/cli.ts
import { createReadStream } from "node:fs";

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

// src/cli.ts
var USAGE = `usage:
  maturin-fallback classify [--json] FILE|-      diagnose a saved build log (raw GitHub logs welcome)
  maturin-fallback build [--INPUT VALUE]... [-- MATURIN ARGS]
      runs the same chain as the action; --INPUT is any action input, e.g.
      --strategies "docker:2014, native" --fallback-on environment --container IMAGE
      --docker-options "-e CFLAGS=-std=gnu89" --out-dir dist --working-directory path`;
async function classifyStream(stream) {
  const classifier = new LogClassifier();
  stream.setEncoding("utf8");
  for await (const chunk of stream) classifier.write(chunk);
  classifier.end();
  return classifier.diagnose();
}
async function classifyCommand(args) {
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  if (files.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const stream = files[0] === "-" ? process.stdin : createReadStream(files[0]);
  const d = await classifyStream(stream);
  const fallback = allowsFallback(d, DEFAULT_FALLBACK_ON);
  if (json) {
    console.log(
      JSON.stringify({
        class: d.cls,
        classes: d.classes,
        crates: d.crates,
        evidence: d.evidence,
        hint: d.hint,
        docs: d.docs,
        fallback
      })
    );
  } else {
    console.log(`class:    ${d.cls}${d.classes.length > 1 ? ` (all: ${d.classes.join(", ")})` : ""}`);
    console.log(`crates:   ${d.crates.join(", ") || "-"}`);
    for (const line of d.evidence) console.log(`evidence: ${line}`);
    console.log(`hint:     ${d.hint}`);
    console.log(`fallback: ${fallback ? "yes (environment problem)" : "no"} under the default fallback-on`);
    console.log(`docs:     ${d.docs}`);
  }
  return 0;
}
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
async function cli(argv) {
  const [command, ...rest] = argv;
  try {
    if (command === "classify") return await classifyCommand(rest);
    if (command === "build") return await buildCommand(rest);
    console.error(USAGE);
    return 2;
  } catch (e) {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    return e instanceof InputError ? 2 : 1;
  }
}
process.exitCode = await cli(process.argv.slice(2));
