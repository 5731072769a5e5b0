// README.md states facts about the product: each one is checked here against the code and the bundled data (not
// against other text), so the README cannot drift from what a fresh clone does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../../electron/cli/commands/index';
import type { CliCommand } from '../../electron/cli/command';
import { loadDataset } from '../../electron/core/data/load';
import { modelByName } from '../../electron/core/model/built-in';
import { PIPELINE_DEFAULTS } from '../../electron/core/pipeline/pipeline-run';
import { defaultWorkspace, WORKSPACE_ENV } from '../../electron/core/report/workspace';
import { GUIDE_BATCH_SIZE, resolveBatchSize } from '../../electron/core/train/batch-size';
import { cli } from '../cli/cli-io';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

const number = (text: string): number => Number(text.replace(/,/g, ''));

function stated(pattern: RegExp): RegExpMatchArray {
  const match = readme.match(pattern);
  assert.ok(match, `README states ${pattern}`);
  return match;
}

/** The CLI command an invocation names: two words (`runs list`) when such a command exists, else one. */
function commandOf(words: string[]): CliCommand | undefined {
  return COMMANDS.find((c) => c.name === words.slice(0, 2).join(' ')) ?? COMMANDS.find((c) => c.name === words[0]);
}

/** Every `--option` of a usage text must be one the command accepts. */
function assertOptionsExist(command: CliCommand, text: string): void {
  for (const [, option] of text.matchAll(/--([a-z][\w-]*)/g)) {
    if (option === 'help') continue;
    assert.ok(Object.hasOwn(command.options, option!), `'${command.name}' takes --${option} (README: ${text})`);
  }
}

test("README's sample sizes are the bundled sample's counts", async () => {
  const [, train, validation, test] = stated(/The sample is\s+([\d,]+) training \/ ([\d,]+) validation \/ ([\d,]+) test images/);
  const data = await loadDataset('sample', {});
  assert.deepEqual(
    [data.train.count, data.validation.count, data.test.count],
    [number(train!), number(validation!), number(test!)],
  );
});

test("README's batch-size auto: the guide's size on the full set, the stated one on the sample", async () => {
  const [, guide, onSample] = stated(
    /keeps the guide's (\d+) when the data\s+set is large enough and picks (\d+) on the\s+sample/,
  );
  assert.equal(number(guide!), GUIDE_BATCH_SIZE);
  const spec = modelByName('baseline');
  const data = await loadDataset('sample', {});
  assert.equal(resolveBatchSize('auto', spec, data.train.count, PIPELINE_DEFAULTS.epochs).batchSize, number(onSample!));
  // The full set (45,000 training images, README's guide experiment) keeps the guide's batch size.
  const [, fullTrain] = stated(/CIFAR-10 as JPEG, ([\d,]+) \/ [\d,]+ \/ [\d,]+/);
  assert.equal(resolveBatchSize('auto', spec, number(fullTrain!), PIPELINE_DEFAULTS.epochs).batchSize, GUIDE_BATCH_SIZE);
});

test("README's quick start: every npm script exists, every CLI command and option is accepted", async () => {
  const block = stated(/## Quick start[\s\S]*?```sh\n([\s\S]*?)```/)[1]!;
  const commands = block
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .flatMap((line) => line.split('&&').map((part) => part.trim()));
  assert.ok(commands.length >= 4, JSON.stringify(commands));
  for (const command of commands) {
    const words = command.split(/\s+/);
    assert.equal(words[0], 'npm', command);
    if (words[1] === 'ci') continue;
    const script = words[1] === 'run' ? words[2]! : words[1]!;
    assert.ok(pkg.scripts[script], `package.json has the script '${script}' (${command})`);
    if (script !== 'cli') continue;
    const args = words.slice(words.indexOf('--') + 1);
    const cliCommand = commandOf(args);
    assert.ok(cliCommand, `the CLI has '${args[0]}'`);
    assertOptionsExist(cliCommand, args.join(' '));
    const help = await cli([...cliCommand.name.split(' '), '--help']);
    assert.equal(help.code, 0, help.stderr);
  }
  // The main job's stated sparsity is the pipeline's default.
  assert.equal(number(stated(/prune the 1x1\s+convolutions to (\d+) % zeros/)[1]!), PIPELINE_DEFAULTS.finalSparsity * 100);
  // The app's two ways to start.
  for (const script of stated(/The app: `npm (start)`.*?`npm run (serve)`/).slice(1)) assert.ok(pkg.scripts[script!], script);
});

test("README's default workspace is the one the CLI and the app use", () => {
  stated(/`\$SPARSE_STUDIO_WORKSPACE`, else `~\/SparseStudio\/runs`/);
  const saved = process.env[WORKSPACE_ENV];
  try {
    delete process.env[WORKSPACE_ENV];
    assert.equal(defaultWorkspace(), join(homedir(), 'SparseStudio', 'runs'));
    process.env[WORKSPACE_ENV] = '/tmp/elsewhere';
    assert.equal(defaultWorkspace(), '/tmp/elsewhere');
  } finally {
    if (saved === undefined) delete process.env[WORKSPACE_ENV];
    else process.env[WORKSPACE_ENV] = saved;
  }
});

test("README's CLI table: every command exists with every option it lists", () => {
  const table = stated(/## CLI[\s\S]*?\n(\| command[\s\S]*?)\n\n/)[1]!;
  const rows = table.split('\n').slice(2);
  assert.ok(rows.length >= 10, `${rows.length} rows`);
  for (const row of rows) {
    const first = row.split(/(?<!\\)\|/)[1]!;
    for (const [, usage] of first.matchAll(/`([^`]+)`/g)) {
      const words = usage!.replace(/\\\|/g, '|').split(/\s+/);
      const command = commandOf(words);
      assert.ok(command, `the CLI has '${words[0]}' (README: ${usage})`);
      assertOptionsExist(command, usage!);
    }
  }
});

test("README's dependency table names packages package.json installs", () => {
  const table = stated(/## Dependencies and why\n\n([\s\S]*?)\n\n/)[1]!;
  const all = { ...pkg.dependencies, ...pkg.devDependencies, ...(pkg.optionalDependencies ?? {}) };
  const firstColumns = table
    .split('\n')
    .slice(2)
    .map((row) => row.split('|')[1] ?? '');
  const names = firstColumns.flatMap((cell) => [...cell.matchAll(/`([@\w./-]+)`/g)].map((m) => m[1]!));
  assert.ok(names.length >= 15, names.join(' '));
  for (const name of names) assert.ok(Object.hasOwn(all, name), `package.json lists ${name}`);
});

/** A lower bound `>=X.Y.Z` above this Node's version (the only engine form that can exclude it here), else undefined. */
function engineAbove(range: string | undefined, version: string): string | undefined {
  const bound = range?.match(/^\s*>=\s*v?(\d+)\.(\d+)\.(\d+)\s*$/);
  if (!bound) return undefined;
  const [major, minor, patch] = version.replace(/^v/, '').split('.').map(Number);
  const need = bound.slice(1).map(Number);
  const running = [major!, minor!, patch!];
  for (let i = 0; i < 3; i++) if (running[i] !== need[i]) return running[i]! < need[i]! ? range : undefined;
  return undefined;
}

test("README explains every EBADENGINE warning npm ci prints on this Node", () => {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { engines?: { node?: string } }>;
  };
  const warned = Object.entries(lock.packages).flatMap(([path, entry]) =>
    engineAbove(entry.engines?.node, process.version) ? [path.replace(/^.*node_modules\//, '')] : [],
  );
  if (warned.length === 0) return; // a Node new enough for every package: npm prints no such warning
  const notes = stated(/### Install notes\n([\s\S]*?)\n(?:##|$)/)[1]!;
  assert.match(notes, /EBADENGINE/);
  for (const name of warned) assert.ok(notes.includes(`\`${name}\``), `README's install notes name ${name} (EBADENGINE on ${process.version})`);
});
