#!/usr/bin/env node
// Regenerates the inputs and outputs tables in README.md from action.yml, so the two never drift.
//   node scripts/readme-tables.mjs            rewrite README.md in place
//   node scripts/readme-tables.mjs --check    exit 1 when README.md is stale
// --readme FILE and --action FILE point it elsewhere (tests use them).
// action.yml is read with a small line parser that knows only the shape this file uses:
// top-level `inputs:`/`outputs:`, two-space names, four-space `key: scalar` lines (plain or quoted).
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A one-line YAML scalar: 'single' (with '' escapes), "double" (simple escapes), or plain. */
function scalar(text, where) {
  const value = text.trim();
  if (value.startsWith("'")) {
    if (!value.endsWith("'") || value.length < 2) throw new Error(`${where}: unterminated '...' scalar`);
    return value.slice(1, -1).replace(/''/g, "'");
  }
  if (value.startsWith('"')) {
    if (!value.endsWith('"') || value.length < 2) throw new Error(`${where}: unterminated "..." scalar`);
    return JSON.parse(value);
  }
  if (/^[|>]/.test(value)) throw new Error(`${where}: block scalars are not supported; use one line`);
  return value.replace(/\s+#.*$/, '');
}

/** { inputs: [{name, description, required, default}], outputs: [{name, description}] } */
export function parseActionYml(text) {
  const sections = {inputs: [], outputs: []};
  let section;
  let entry;
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    const where = `action.yml:${i + 1}`;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const top = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (top) {
      section = top[1] in sections ? sections[top[1]] : undefined;
      entry = undefined;
      continue;
    }
    if (!section) continue;
    const name = /^ {2}([A-Za-z][\w-]*):\s*$/.exec(line);
    if (name) {
      entry = {name: name[1], description: '', required: false, default: undefined};
      section.push(entry);
      continue;
    }
    const field = /^ {4}([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (!field || !entry) throw new Error(`${where}: unexpected line: ${line}`);
    const value = scalar(field[2], where);
    if (field[1] === 'required') entry.required = value === 'true';
    else if (field[1] === 'default') entry.default = value;
    else if (field[1] === 'description') entry.description = value;
  }
  return sections;
}

function cell(text) {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function code(text) {
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

/** A markdown table with padded columns, the way Biome formats markdown, so `biome check` keeps it. */
export function table(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(3, ...all.map((r) => [...r[c]].length)));
  const line = (cells) => `| ${cells.map((t, c) => t + ' '.repeat(widths[c] - [...t].length)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function inputsTable(inputs) {
  const rows = inputs.map((i) => [
    i.required ? `${code(i.name)} (required)` : code(i.name),
    i.default === undefined || i.default === '' ? '' : code(i.default),
    cell(i.description),
  ]);
  return table(['Input', 'Default', 'Description'], rows);
}

export function outputsTable(outputs) {
  return table(
    ['Output', 'Description'],
    outputs.map((o) => [code(o.name), cell(o.description)]),
  );
}

function replaceBetween(text, marker, body) {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README has no ${start} ... ${end} pair`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

export function renderReadme(readme, action) {
  const {inputs, outputs} = parseActionYml(action);
  if (inputs.length === 0 || outputs.length === 0)
    throw new Error('action.yml: no inputs or no outputs found');
  return replaceBetween(
    replaceBetween(readme, 'inputs', inputsTable(inputs)),
    'outputs',
    outputsTable(outputs),
  );
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : fallback;
}

function main(args) {
  const readmePath = option(args, '--readme', path.join(ROOT, 'README.md'));
  const actionPath = option(args, '--action', path.join(ROOT, 'action.yml'));
  const readme = readFileSync(readmePath, 'utf8');
  const fresh = renderReadme(readme, readFileSync(actionPath, 'utf8'));
  if (args.includes('--check')) {
    if (fresh === readme) return 0;
    console.error(`${readmePath} is stale: run node scripts/readme-tables.mjs`);
    return 1;
  }
  if (fresh !== readme) writeFileSync(readmePath, fresh);
  console.log(`${readmePath}: tables ${fresh === readme ? 'already up to date' : 'updated'}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(`readme-tables: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  }
}
