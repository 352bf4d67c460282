/**
 * The README's commands run as printed on a fresh clone (issue 18): the repo
 * is cloned into a temporary folder (node_modules linked, not installed),
 * and every `ragbook` line of its `sh` blocks runs there in order, after the
 * set-up block's `npm run demo`. Lines that start servers or install are
 * checked to name scripts that exist; a block after a
 * `<!-- readme-test: skip … -->` comment (sending real mail) is left out.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/xlsx';

const ROOT = path.join(__dirname, '../..');

interface Line {
  command: string;
  /** The line of README.md it starts on. */
  at: number;
  skipped: boolean;
}

/** Commands of the README's sh blocks, continuation lines joined, comments kept (the shell drops them). */
function readmeCommands(readme: string): Line[] {
  const lines = readme.split('\n');
  const out: Line[] = [];
  let inBlock = false;
  let skipped = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!inBlock && line.startsWith('```sh')) {
      inBlock = true;
      skipped = /<!-- readme-test: skip/.test(lines[i - 1] ?? '');
      continue;
    }
    if (inBlock && line.startsWith('```')) {
      inBlock = false;
      continue;
    }
    if (!inBlock || line.trim() === '') continue;
    let command = line;
    const at = i + 1;
    while (command.trimEnd().endsWith('\\')) command = `${command.trimEnd().slice(0, -1)} ${lines[++i].trim()}`;
    out.push({ command, at, skipped });
  }
  return out;
}

const isGitRepo = existsSync(path.join(ROOT, '.git'));

(isGitRepo ? describe : describe.skip)('the README, run as printed on a fresh clone', () => {
  const commands = readmeCommands(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
  const scripts = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
  let clone: string;

  beforeAll(async () => {
    const dir = await tempDir('ragbook-readme-');
    clone = path.join(dir, 'ragbook');
    execFileSync('git', ['clone', '--quiet', ROOT, clone]);
    await fs.symlink(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'));
  }, 60_000);
  afterAll(() => fs.rm(path.dirname(clone), { recursive: true, force: true }));

  it('calls the tool as npx ragbook, and npm only for scripts that exist', () => {
    expect(commands.length).toBeGreaterThan(15);
    for (const { command, at } of commands) {
      const words = command.replace(/^[A-Z_]+=\S+ /, '').split(/\s+/);
      if (words[0] === 'ragbook') throw new Error(`README.md:${at}: '${command}' needs npx (ragbook is not on the PATH of a fresh clone)`);
      for (const [i, word] of words.entries()) {
        if (word === 'run' && words[i - 1] === 'npm') expect({ at, script: words[i + 1] in scripts }).toEqual({ at, script: true });
      }
    }
  });

  it('runs every ragbook command with exit code 0', () => {
    const demo = spawnSync('npm', ['run', 'demo'], { cwd: clone, encoding: 'utf8', timeout: 120_000 });
    expect({ demo: demo.status, err: demo.status === 0 ? '' : demo.stderr }).toEqual({ demo: 0, err: '' });
    const failures: string[] = [];
    for (const { command, at, skipped } of commands) {
      if (skipped || !command.startsWith('npx ragbook')) continue;
      const result = spawnSync('bash', ['-c', command], { cwd: clone, encoding: 'utf8', timeout: 60_000 });
      if (result.status !== 0) failures.push(`README.md:${at}: ${command}\n  → ${result.status}: ${result.stderr.trim()}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
