#!/usr/bin/env node
// Checks Block Kit JSON against Slack's published TypeScript types (@slack/types), offline.
//
//   node check-slack-types.js DIR
//
// Every DIR/*.blocks.json (a blocks array) becomes a typed literal `const blocks: KnownBlock[] = <json>`, every
// DIR/*.home.json (a view) `const view: HomeView = <json>`, and `tsc --noEmit --strict` compiles them all in one
// program. Object literals get TypeScript's excess-property check, so an unknown field, a misspelt type, a missing
// required field or a wrong shape is an error. Prints the compiler's errors, then
//   checked: N, failing: name1,name2
// and exits 0 only when no file fails.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const input = process.argv[2];
if (!input || !fs.existsSync(input)) {
  console.error('usage: node check-slack-types.js DIR');
  process.exit(2);
}
const typesDir = path.join(__dirname, 'node_modules', '@slack', 'types');
const tsc = path.join(__dirname, 'node_modules', 'typescript', 'bin', 'tsc');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'slack-types-'));
const kinds = { '.blocks.json': 'KnownBlock[]', '.home.json': 'HomeView' };

const files = [];
for (const name of fs.readdirSync(input).sort()) {
  const suffix = Object.keys(kinds).find((s) => name.endsWith(s));
  if (!suffix) continue;
  const json = fs.readFileSync(path.join(input, name), 'utf8');
  JSON.parse(json); // not JSON at all is a failure of the generator, not of the types
  const base = name.slice(0, -suffix.length);
  const ts = `${base.replace(/[^A-Za-z0-9_-]/g, '_')}.ts`;
  fs.writeFileSync(path.join(work, ts),
    `import type { KnownBlock, HomeView } from '@slack/types';\nexport const payload: ${kinds[suffix]} = ${json};\n`);
  files.push({ base, ts });
}
fs.writeFileSync(path.join(work, 'tsconfig.json'), JSON.stringify({
  compilerOptions: {
    strict: true, noEmit: true, target: 'ES2022', module: 'commonjs', moduleResolution: 'node10', skipLibCheck: true,
    types: [], baseUrl: '.', paths: { '@slack/types': [typesDir] },
  },
  include: ['*.ts'],
}));

const run = spawnSync(process.execPath, [tsc, '-p', work], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const out = `${run.stdout || ''}${run.stderr || ''}`;
const failing = new Set();
for (const line of out.split('\n')) {
  const m = /^([^(]+)\.ts\(\d+,\d+\): error/.exec(line.trim());
  if (m) {
    const f = files.find((x) => x.ts === `${path.basename(m[1])}.ts`);
    failing.add(f ? f.base : m[1]);
  }
}
if (out.trim()) console.log(out.length > 20000 ? `${out.slice(0, 20000)}\n…` : out);
console.log(`checked: ${files.length}, failing: ${[...failing].join(',')}`);
fs.rmSync(work, { recursive: true, force: true });
process.exit(files.length > 0 && failing.size === 0 && run.status === 0 ? 0 : 1);
