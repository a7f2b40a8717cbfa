// Prints the size of every JavaScript and CSS file of the build, raw and gzipped, and fails when the
// JavaScript together is 500 KB gzipped or more.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const out = new URL('../../../../target/portal/', import.meta.url).pathname;
const LIMIT = 500 * 1024;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let js = 0;
let css = 0;
const rows = files(out)
  .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
  .map((f) => {
    const body = readFileSync(f);
    const gz = gzipSync(body, { level: 9 }).length;
    if (f.endsWith('.js')) js += gz;
    else css += gz;
    return { file: relative(out, f), raw: body.length, gz };
  })
  .sort((a, b) => b.gz - a.gz);
for (const r of rows) console.log(`${r.file.padEnd(48)} ${kb(r.raw).padStart(10)}  gzip ${kb(r.gz).padStart(9)}`);
console.log(`Total JavaScript gzipped: ${kb(js)} (limit ${kb(LIMIT)}); CSS gzipped: ${kb(css)}`);
if (js >= LIMIT) {
  console.error('The JavaScript bundle is over the limit');
  process.exit(1);
}
