import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);
import {
  USAGE
} from "./chunks/chunk-SETRQN7R.js";
import {
  DEFAULT_FALLBACK_ON,
  InputError,
  LogClassifier,
  allowsFallback,
  auditWheel,
  refused
} from "./chunks/chunk-RNMTXNWA.js";
import "./chunks/chunk-KVPB3KAW.js";

// src/cli.ts
import { closeSync, openSync, readSync } from "node:fs";
async function classifyStream(stream, classifier) {
  for await (const chunk of stream) classifier.writeBytes(chunk);
  classifier.end();
}
function classifyFile(file, classifier) {
  const fd = openSync(file, "r");
  try {
    classifier.readAll((buffer, offset, length) => readSync(fd, buffer, offset, length, null));
  } finally {
    closeSync(fd);
  }
}
function explainLine(e) {
  const what = e.cls ? `${e.rule} \u2192 ${e.cls}${e.weight ? ` (weight ${e.weight})` : ""}` : e.rule;
  return `  ${String(e.order).padStart(6)}  ${what}${e.crate ? ` [crate ${e.crate}]` : ""}: ${e.line}`;
}
async function classifyCommand(args) {
  const json = args.includes("--json");
  const explain = args.includes("--explain");
  const files = args.filter((a) => a !== "--json" && a !== "--explain");
  if (files.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const classifier = new LogClassifier({ explain });
  if (files[0] === "-") await classifyStream(process.stdin, classifier);
  else classifyFile(files[0], classifier);
  const d = classifier.diagnose();
  const fallback = allowsFallback(d, DEFAULT_FALLBACK_ON);
  if (json) {
    console.log(
      JSON.stringify({
        class: d.cls,
        classes: d.classes,
        confidence: d.confidence,
        crates: d.crates,
        evidence: d.evidence,
        hint: d.hint,
        docs: d.docs,
        fallback,
        ...explain ? { explain: classifier.explanation } : {}
      })
    );
  } else {
    if (explain) {
      console.log("lines that counted (line number among non-blank lines, rule \u2192 class, crate):");
      for (const e of classifier.explanation) console.log(explainLine(e));
      console.log("");
    }
    console.log(`class:    ${d.cls}${d.classes.length > 1 ? ` (all: ${d.classes.join(", ")})` : ""}`);
    console.log(`confidence: ${d.confidence}`);
    console.log(`crates:   ${d.crates.join(", ") || "-"}`);
    for (const line of d.evidence) console.log(`evidence: ${line}`);
    console.log(`hint:     ${d.hint}`);
    console.log(`fallback: ${fallback ? "yes (environment problem)" : "no"} under the default fallback-on`);
    console.log(`docs:     ${d.docs}`);
  }
  return 0;
}
function auditCommand(args) {
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  if (files.length === 0 || files.some((f) => f.startsWith("-"))) {
    console.error(USAGE);
    return 2;
  }
  const audits = files.map(auditWheel);
  if (json) console.log(JSON.stringify(audits));
  else
    for (const a of audits) {
      console.log(`${a.wheel}`);
      console.log(
        `  tag:     ${a.platforms.join(".")}${a.claimedGlibc ? ` (claims glibc ${a.claimedGlibc})` : ""}`
      );
      console.log(
        `  needs:   ${a.newestGlibc ? `${a.newestGlibc.version}${a.newestGlibc.symbol ? ` (${a.newestGlibc.symbol} in ${a.newestGlibc.member})` : ` (${a.newestGlibc.member})`}` : "no glibc symbol version"} (${a.elfFiles} ELF file${a.elfFiles === 1 ? "" : "s"})`
      );
      console.log(`  verdict: ${a.verdict}: ${a.reason}`);
    }
  return audits.some(refused) ? 1 : 0;
}
async function cli(argv) {
  const [command, ...rest] = argv;
  try {
    if (command === "classify") return await classifyCommand(rest);
    if (command === "audit") return auditCommand(rest);
    if (command === "build") return await (await import("./chunks/cli-build-IWCNSFLN.js")).buildCommand(rest);
    console.error(USAGE);
    return 2;
  } catch (e) {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    return e instanceof InputError ? 2 : 1;
  }
}
process.exitCode = await cli(process.argv.slice(2));
