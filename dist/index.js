import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);
import {
  endGroup,
  error,
  getInput,
  info,
  notice,
  setFailed,
  setOutput,
  startGroup,
  summary,
  warning
} from "./chunks/chunk-PCBXS2MJ.js";
import "./chunks/chunk-JJQJKXD7.js";
import "./chunks/chunk-6B6M4EXZ.js";
import {
  actionsArtifacts,
  actionsCache,
  installSignalHandlers,
  nodeProcesses,
  probeHost,
  readInputs,
  runBuild
} from "./chunks/chunk-R7JV27P4.js";
import {
  docsLink
} from "./chunks/chunk-RNMTXNWA.js";
import "./chunks/chunk-KVPB3KAW.js";

// src/report/summary.ts
import path from "node:path";
function escapeHtml(text) {
  return text.replace(/[&<>"'`|]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function size(bytes) {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
function result(a) {
  if (a.outcome === "success") return "\u2705 wheels";
  if (a.outcome === "skipped") return `\u23ED\uFE0F skipped: ${escapeHtml(a.reason ?? "")}`;
  if (a.outcome === "remembered") return `\u{1F9E0} remembered: skipped (${escapeHtml(a.reason ?? "")})`;
  if (a.outcome === "predicted") return `\u{1F52E} predicted: skipped (${escapeHtml(a.reason ?? "")})`;
  return a.abortedEarly ? "\u274C failed (aborted early)" : `\u274C failed (exit ${a.exitCode ?? "killed"})`;
}
function attemptRow(a, i) {
  const cls = a.class ? `<code>${a.class}</code>` : "";
  const crates = (a.crates ?? []).map((c) => `<code>${escapeHtml(c)}</code>`).join(" ");
  return `| ${i + 1} | <code>${escapeHtml(a.strategy)}</code> | ${escapeHtml(a.image ?? "host")} | ${result(a)} | ${cls} | ${crates} | ${a.durationSeconds.toFixed(1)}s |`;
}
function retriedOnUnknown(a, next) {
  if (a.class !== "unknown" || !next) return [];
  return [
    `The log of ${escapeHtml(a.strategy)} named no cause, so the chain retried with <code>${escapeHtml(next.strategy)}</code> on <code>unknown</code> (<code>fallback-on: environment</code> stops on unknown instead).`,
    ""
  ];
}
function failureDetails(a, next, env) {
  if (a.outcome === "remembered" || a.outcome === "predicted") {
    return [
      `<details><summary>${escapeHtml(a.strategy)}: ${a.outcome} <code>${a.class}</code> (${a.outcome === "remembered" ? "the evidence of the run that failed" : "the preflight table entry"})</summary>`,
      "",
      `<pre>${escapeHtml(a.evidence ?? "")}</pre>`,
      "",
      `${escapeHtml(a.reason ?? "")} See <a href="${docsLink(a.class, env)}">troubleshooting: ${a.class}</a>.`,
      "</details>",
      ""
    ];
  }
  if (a.outcome !== "failed") return [];
  return [
    `<details><summary>${escapeHtml(a.strategy)}: <code>${a.class}</code> evidence (${a.confidence ?? "low"} confidence)</summary>`,
    "",
    `<pre>${escapeHtml(a.evidence ?? "(no evidence line)")}</pre>`,
    "",
    ...retriedOnUnknown(a, next),
    `Remedy: ${escapeHtml(a.hint ?? "")} See <a href="${docsLink(a.class, env)}">troubleshooting: ${a.class}</a>.`,
    "</details>",
    ""
  ];
}
function auditCell(a) {
  if (!a) return "";
  const icon = { honest: "\u2705", dishonest: "\u274C", "no-claim": "\u26A0\uFE0F", "not-linux": "", unreadable: "\u274C" }[a.verdict];
  const needs = a.newestGlibc ? `, needs <code>${escapeHtml(a.newestGlibc.version)}</code>` : "";
  return `${icon} ${a.verdict}${needs}${a.verdict === "honest" || a.verdict === "not-linux" ? "" : `: ${escapeHtml(a.reason)}`}`.trim();
}
function renderSummary(report, env = {}) {
  const { chain } = report;
  const built = `Built ${report.wheels.length} wheel(s) with <code>${escapeHtml(chain.winner?.strategy ?? "")}</code>${chain.fellBack ? ` after falling back${chain.fallbackReason ? ` (${escapeHtml(chain.fallbackReason)})` : ""}` : ""}`;
  const headline = !report.error ? `\u2705 ${built}` : report.wheels.length > 0 ? `\u26A0\uFE0F ${built}, but: ${escapeHtml(report.error)}` : `\u274C No wheels: ${escapeHtml(report.error)}`;
  const lines = [
    "## maturin fallback build",
    "",
    headline,
    "",
    "| # | strategy | image | result | class | crates | duration |",
    "|---|---|---|---|---|---|---|"
  ];
  for (const [i, a] of chain.attempts.entries()) lines.push(attemptRow(a, i));
  lines.push("");
  for (const [i, a] of chain.attempts.entries()) lines.push(...failureDetails(a, chain.attempts[i + 1], env));
  if (report.wheels.length > 0) {
    lines.push("### Wheels", "", "| wheel | tags | size | tag audit |", "|---|---|---|---|");
    for (const w of report.wheels) {
      const audit = report.audits?.find((a) => a.wheel === path.basename(w.file));
      lines.push(
        `| <code>${escapeHtml(path.basename(w.file))}</code> | ${escapeHtml([w.python, w.abi, w.platforms.join(".")].join("-"))} | ${size(w.bytes)} | ${auditCell(audit)} |`
      );
    }
    lines.push("");
  }
  for (const line of report.preflight ?? []) lines.push(`\u{1F52E} ${escapeHtml(line)}`, "");
  if (report.smoke) {
    const icon = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F" }[report.smoke.status];
    const cls = report.smoke.cls ? ` <code>${report.smoke.cls}</code>` : "";
    lines.push(`Smoke test: ${icon} ${report.smoke.status}${cls}: ${escapeHtml(report.smoke.detail)}`, "");
    const each = report.smoke.wheels ?? [];
    if (each.length > 0) {
      lines.push("| wheel | smoke test | interpreter | detail |", "|---|---|---|---|");
      for (const w of each) {
        const mark = { passed: "\u2705 passed", failed: "\u274C failed", "not-tested": "\u23ED\uFE0F not tested" }[w.status];
        lines.push(
          `| <code>${escapeHtml(path.basename(w.wheel))}</code> | ${mark} | ${escapeHtml(w.python ?? "")} | ${escapeHtml(w.detail)} |`
        );
      }
      lines.push("");
    }
  }
  if (report.upload) {
    const link = report.upload.url ? `<a href="${escapeHtml(report.upload.url)}">${escapeHtml(report.artifactName ?? "")}</a>` : escapeHtml(report.artifactName ?? "");
    lines.push(`Artifact: ${link} (id ${report.upload.id}, ${size(report.upload.size)})`, "");
  } else if (report.uploadNote) {
    lines.push(`Artifact: ${escapeHtml(report.uploadNote)}`, "");
  }
  return lines.join("\n");
}

// src/main.ts
var actionsReporter = {
  info: (l) => info(l),
  startGroup: (t) => startGroup(t),
  endGroup: () => endGroup(),
  warning: (m) => warning(m),
  error: (m) => error(m),
  notice: (m) => notice(m)
};
function setOutputs(report) {
  const { chain } = report;
  setOutput("wheels", report.wheels.map((w) => w.file).join("\n"));
  setOutput("strategy", chain.winner?.strategy ?? "");
  setOutput("fell-back", String(chain.fellBack));
  setOutput("fallback-reason", chain.fallbackReason ?? "");
  setOutput("failure-class", chain.failureClass ?? "");
  setOutput("attempts", JSON.stringify(chain.attempts.map(({ files: _files, ...a }) => a)));
  setOutput("artifact-id", report.upload ? String(report.upload.id) : "");
  setOutput("artifact-url", report.upload?.url ?? "");
  setOutput("artifact-name", report.artifactName ?? "");
  setOutput("smoke-test", report.smoke?.status ?? "");
}
async function main() {
  installSignalHandlers((l) => info(l));
  try {
    const inputs = readInputs((name) => getInput(name));
    info(`maturin-fallback: running on Node ${process.version} (${process.platform}-${process.arch})`);
    const report = await runBuild(inputs, {
      processes: nodeProcesses,
      reporter: actionsReporter,
      artifacts: actionsArtifacts,
      cache: actionsCache,
      env: process.env,
      probeHost: (needDocker) => probeHost(nodeProcesses, process.env, needDocker)
    });
    setOutputs(report);
    if (process.env.GITHUB_STEP_SUMMARY)
      await summary.addRaw(renderSummary(report, process.env)).write();
    if (report.error) setFailed(report.error);
  } catch (e) {
    setFailed(e instanceof Error ? e.message : String(e));
  }
}
await main();
export {
  main
};
