import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);
import {
  USAGE
} from "./chunks/chunk-YGXC5NZG.js";
import {
  DEFAULT_FALLBACK_ON,
  InputError,
  LogClassifier,
  allowsFallback
} from "./chunks/chunk-RLTYTGHF.js";
import "./chunks/chunk-KVPB3KAW.js";

// src/cli.ts
import { closeSync, openSync, readSync } from "node:fs";
async function classifyStream(stream) {
  const classifier = new LogClassifier();
  for await (const chunk of stream) classifier.writeBytes(chunk);
  classifier.end();
  return classifier.diagnose();
}
function classifyFile(file) {
  const classifier = new LogClassifier();
  const fd = openSync(file, "r");
  try {
    classifier.readAll((buffer, offset, length) => readSync(fd, buffer, offset, length, null));
  } finally {
    closeSync(fd);
  }
  return classifier.diagnose();
}
async function classifyCommand(args) {
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  if (files.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const d = files[0] === "-" ? await classifyStream(process.stdin) : classifyFile(files[0]);
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
async function cli(argv) {
  const [command, ...rest] = argv;
  try {
    if (command === "classify") return await classifyCommand(rest);
    if (command === "build") return await (await import("./chunks/cli-build-2UVXZFRX.js")).buildCommand(rest);
    console.error(USAGE);
    return 2;
  } catch (e) {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    return e instanceof InputError ? 2 : 1;
  }
}
process.exitCode = await cli(process.argv.slice(2));
