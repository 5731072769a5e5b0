import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultWorkspace as appDefaultWorkspace } from '../../electron/app/settings-store';
import { defaultWorkspace } from '../../electron/core/report/workspace';
import { RUN_SCHEMA_VERSION, type RunManifest } from '../../electron/core/runs/manifest';
import { cli } from './cli-io';

describe('CLI messages say what is true and what to do', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'sparse-cli-'));
  });
  after(async () => rm(root, { recursive: true, force: true }));

  const numeric: [string, string][] = [
    ['train', '--epochs'],
    ['train', '--batch-size'],
    ['train', '--limit'],
    ['pipeline', '--runs'],
    ['pipeline', '--repeat'],
    ['pipeline', '--prune-epochs'],
    ['pipeline', '--initial'],
    ['pipeline', '--final'],
    ['prune', '--epochs'],
    ['bench', '--timeout'],
  ];
  for (const [command, option] of numeric) {
    it(`${command} ${option} -3 gets the same message as ${option} abc, without a screen of help`, async () => {
      const out = join(root, 'never');
      const extra = command === 'prune' ? ['--from', out] : command === 'bench' ? ['--model', 'x.tflite', '--device', 'host'] : [];
      const negative = await cli([command, ...extra, option, '-3', '--out', out]);
      const word = await cli([command, ...extra, option, 'abc', '--out', out]);
      assert.equal(negative.code, 1);
      assert.equal(word.code, 1);
      const line = (text: string) => text.split('\n')[0]!;
      assert.match(line(negative.stderr), new RegExp(`^Error: ${option} must be a (whole )?number.*, got '-3'$`));
      assert.equal(line(negative.stderr).replace("'-3'", "'abc'"), line(word.stderr));
      assert.doesNotMatch(negative.stderr, /ambiguous|Usage:/);
      assert.equal(existsSync(out), false, 'nothing written');
    });
  }

  it('a run folder that cannot be created is refused at once: under a file, under /proc', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, 'x');
    const underFile = await cli(['train', '--out', join(file, 'run'), '--epochs', '1']);
    assert.equal(underFile.code, 1);
    assert.match(underFile.stderr, new RegExp(`cannot create run folder ${join(file, 'run')}: ${file} is a file, not a folder`));
    if (process.platform === 'linux' && existsSync('/proc/self')) {
      // mkdir -p under /proc never returns; this must fail fast with the reason.
      const proc = await cli(['pipeline', '--out', '/proc/sparse-studio-test/run']);
      assert.equal(proc.code, 1);
      assert.match(proc.stderr, /cannot create run folder \/proc\/sparse-studio-test\/run: \/proc\/sparse-studio-test: .*virtual/);
    }
  });

  it('one default workspace for CLI and app; an empty list names the folder searched and --workspace', async () => {
    const workspace = join(root, 'workspace');
    const saved = process.env.SPARSE_STUDIO_WORKSPACE;
    delete process.env.SPARSE_STUDIO_WORKSPACE;
    try {
      assert.equal(defaultWorkspace(), join(homedir(), 'SparseStudio', 'runs'));
      assert.equal(appDefaultWorkspace(), defaultWorkspace());
    } finally {
      if (saved !== undefined) process.env.SPARSE_STUDIO_WORKSPACE = saved;
    }
    const empty = await cli(['runs', 'list'], { SPARSE_STUDIO_WORKSPACE: workspace });
    assert.equal(empty.code, 0);
    assert.match(empty.stdout, new RegExp(`No runs in ${workspace} \\(the default workspace: \\$SPARSE_STUDIO_WORKSPACE, else ~/SparseStudio/runs\\)`));
    assert.match(empty.stdout, /runs list --workspace DIR/);
    assert.equal(appDefaultWorkspace(), defaultWorkspace());
  });

  it('a run command without --out writes into the default workspace, where runs list finds it', async () => {
    const workspace = join(root, 'ws-default');
    // Fails at once (no such data set) but the run folder, with its failure, is already there.
    const failed = await cli(['train', '--data', join(root, 'no-such-data'), '--epochs', '1'], { SPARSE_STUDIO_WORKSPACE: workspace });
    assert.equal(failed.code, 1);
    const [name] = await readdir(workspace);
    assert.match(name ?? '', /^train-\d{8}-\d{6}$/);
    const listed = await cli(['runs', 'list'], { SPARSE_STUDIO_WORKSPACE: workspace });
    assert.match(listed.stdout, new RegExp(`${name}\\s+failed`));
  });

  it('runs show prints the error a failed run saved', async () => {
    const dir = join(root, 'failed-run');
    await mkdir(dir);
    const now = new Date().toISOString();
    const manifest: RunManifest = {
      schemaVersion: RUN_SCHEMA_VERSION,
      id: 'failed-run',
      kind: 'train',
      createdAt: now,
      updatedAt: now,
      status: 'failed',
      owner: { pid: 1, host: 'elsewhere' },
      config: {},
      environment: {},
      steps: { train: { status: 'failed', startedAt: now, endedAt: now, error: 'Label 3 of sample 7 is outside 0..1' } },
      error: 'Label 3 of sample 7 is outside 0..1',
    };
    await writeFile(join(dir, 'run.json'), JSON.stringify(manifest));
    const shown = await cli(['runs', 'show', dir]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /Status:\s+failed\nError:\s+Label 3 of sample 7 is outside 0\.\.1/);
    assert.match(shown.stdout, /train error: Label 3 of sample 7/);
  });

  it('report on a folder that holds no run fails, naming it, and writes nothing', async () => {
    const folder = join(root, 'not-a-run');
    await mkdir(folder);
    const out = join(root, 'r.html');
    const result = await cli(['report', folder, '--out', out]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`Error: ${folder} holds no run`));
    assert.match(result.stderr, /runs list/);
    assert.equal(existsSync(out), false);
    assert.deepEqual(await readdir(folder), []);
  });
});
