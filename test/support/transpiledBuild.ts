/**
 * The bot's sources transpiled to JavaScript once per set of sources, for tests that spawn real bot
 * processes: a process then starts from plain JavaScript instead of compiling every file through
 * ts-node, which on a busy 2-core machine took most of a minute for three processes at once.
 * Transpiled only: `npm run typecheck` checks the types.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const REPO = path.resolve(__dirname, '..', '..');
const SRC = path.join(REPO, 'src');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return entry.name.endsWith('.ts') ? [full] : [];
    });
}

/** The path of `src/main.js` in a transpiled copy of src/ that matches the sources now. */
export function transpiledMain(): string {
  const files = sourceFiles(SRC);
  const hash = crypto.createHash('sha256').update(ts.version);
  const sources = files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    hash.update(path.relative(REPO, file)).update('\0').update(text).update('\0');
    return { file, text };
  });
  // Under node_modules, so that the copy finds the dependencies and the repository's package.json
  // (src/paths.ts walks up to it for db/ and content/) exactly as src/ does.
  const root = path.join(REPO, 'node_modules', '.cache', 'homecoming-test-build');
  const dir = path.join(root, hash.digest('hex').slice(0, 16));
  const main = path.join(dir, 'src', 'main.js');
  if (fs.existsSync(main)) return main;
  const staging = `${dir}.${process.pid}.tmp`;
  for (const { file, text } of sources) {
    const out = path.join(staging, path.relative(REPO, file)).replace(/\.ts$/, '.js');
    const { outputText } = ts.transpileModule(text, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, outputText);
  }
  try {
    fs.renameSync(staging, dir);
  } catch (error) {
    // Another test file made the same copy meanwhile: use theirs.
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(main)) throw error;
  }
  return main;
}
