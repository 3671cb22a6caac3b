// `npm start`: runs the bot from dist/, compiling TypeScript first only when the sources changed
// since the last build. Compiling takes seconds and Slack stops waiting after three, so a restart
// of an installed checkout must not pay for it (issue 12 §7).
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const STAMP = path.join(ROOT, 'dist', '.build-stamp');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');

/** Every file the build reads, in a stable order. */
function buildInputs(root) {
  const files = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => path.join(root, f));
  const walk = (dir) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.push(full);
    }
  };
  walk(path.join(root, 'src'));
  return files;
}

/** A hash of the build's inputs (names and contents): equal fingerprints, equal builds. */
function fingerprint(root) {
  const hash = crypto.createHash('sha256');
  for (const file of buildInputs(root)) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(root, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function buildIsCurrent(root, print) {
  const stamp = path.join(root, 'dist', '.build-stamp');
  return (
    fs.existsSync(path.join(root, 'dist', 'src', 'main.js')) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === print
  );
}

function build() {
  process.stderr.write('Compiling TypeScript (the sources changed since the last build)…\n');
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write('The build failed: fix the errors above, then run npm start again.\n');
    process.exit(result.status ?? 1);
  }
}

if (require.main === module) {
  const print = fingerprint(ROOT);
  if (!buildIsCurrent(ROOT, print)) {
    build();
    fs.writeFileSync(STAMP, print);
  }
  require(MAIN).run();
}

module.exports = { fingerprint, buildIsCurrent };
