// Run as: node --expose-gc bench/lib/heap-runner.mjs DIST_DIR FILE
// Feeds FILE to the bundle's own LogClassifier and prints, as JSON, the live JS heap after a full GC
// at each quarter of the file: what the classifier keeps (as opposed to garbage not yet collected).
import {createReadStream, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

const [dist, file] = process.argv.slice(2);
const cli = readFileSync(path.join(dist, 'cli.js'), 'utf8');
let LogClassifier;
for (const m of cli.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(\.\/chunks\/[^"]+)"/g)) {
  if (/\bLogClassifier\b/.test(m[1]))
    LogClassifier = (await import(pathToFileURL(path.join(dist, m[2])).href)).LogClassifier;
}
if (!LogClassifier) {
  console.log(JSON.stringify({error: 'LogClassifier not found among the chunks dist/cli.js imports'}));
  process.exit(0);
}
const c = new LogClassifier();
const size = statSync(file).size;
const heapMb = () => {
  globalThis.gc();
  return Math.round((process.memoryUsage().heapUsed / 1048576) * 10) / 10;
};
const samples = [{at: 0, heapMb: heapMb()}];
let read = 0;
let next = 0.25;
const stream = createReadStream(file);
stream.setEncoding('utf8');
for await (const chunk of stream) {
  c.write(chunk);
  read += Buffer.byteLength(chunk);
  if (read / size >= next) {
    samples.push({at: next, heapMb: heapMb()});
    next += 0.25;
  }
}
c.end();
c.diagnose();
console.log(JSON.stringify({samples}));
