#!/usr/bin/env node
// Prints the size of every file of the web bundle, raw and gzip-compressed
// (what a server with compression sends). Used after each web build, and by
// the benchmarks through its exported function.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function bundleSizes(dir) {
  return fs.readdirSync(dir)
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name));
      return { name, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
    });
}

function kb(n) { return (n / 1024).toFixed(1).padStart(9) + ' KB'; }

function report(dir) {
  const files = bundleSizes(dir);
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const width = Math.max(5, ...files.map((f) => f.name.length));
  const lines = [`web bundle (${dir})`, `  ${'file'.padEnd(width)} ${'raw'.padStart(12)} ${'gzip'.padStart(12)}`];
  for (const f of files) lines.push(`  ${f.name.padEnd(width)} ${kb(f.raw)} ${kb(f.gzip)}`);
  lines.push(`  ${'total'.padEnd(width)} ${kb(total.raw)} ${kb(total.gzip)}`);
  return { files, total, text: lines.join('\n') };
}

module.exports = { bundleSizes, report };

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir || !fs.existsSync(dir)) {
    console.error('usage: bundle-size.js <dist folder>');
    process.exit(2);
  }
  console.log(report(dir).text);
}
