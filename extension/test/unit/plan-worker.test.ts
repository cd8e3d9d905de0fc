import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '@flagsweep/analyzer';
import { planCleanup } from '../../src/engine/cleanup';
import { PlanCancelled, PlanWorker } from '../../src/workspace/plan-worker';

const FIXTURE = path.resolve(__dirname, '../../../test-fixtures/vscode-checkout');
// The worker's own source, run through tsx like these tests (the extension runs the esbuild bundle dist/cleanup-worker.js).
const SOURCE = path.resolve(__dirname, '../../src/engine/cleanup-worker.ts');

describe('the whole-flag plan in a worker thread', function () {
  // The first type check loads TypeScript's lib files: seconds on a busy machine.
  this.timeout(90_000);
  let root: string;
  let SCRIPT: string;
  let worker: PlanWorker;
  before(() => {
    SCRIPT = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-worker-boot-')), 'boot.cjs');
    fs.writeFileSync(SCRIPT, `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(SOURCE)});\n`);
  });
  after(() => fs.rmSync(path.dirname(SCRIPT), { recursive: true, force: true }));
  beforeEach(() => {
    worker = new PlanWorker({ script: SCRIPT });
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-worker-'));
    fs.cpSync(FIXTURE, root, { recursive: true });
  });
  afterEach(() => {
    worker.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('gives the plan the extension host would compute, reading unsaved text of open files', async () => {
    const config = loadConfig(root);
    const banner = path.join(root, 'src/banner.ts');
    // An unsaved edit in the editor: the worker must plan from it, not from the disk.
    const unsaved = fs.readFileSync(banner, 'utf8').replace("'Join our loyalty program'", "'Join our loyalty club'");
    const openText = (f: string) => (f === banner ? unsaved : undefined);
    const here = await planCleanup({ config }, openText, 'legacy-banner', true, { kind: 'project' }, { verify: true });
    const there = await worker.plan({ config, key: 'legacy-banner', value: true, scope: { kind: 'project' }, verify: true, openFiles: [[banner, unsaved]] });
    assert.equal(there.verification.mode, 'types');
    assert.deepEqual(there.errors, []);
    assert.ok(there.files.some((f) => f.before === unsaved && f.after.includes('loyalty club')), 'planned from the unsaved text');
    const comparable = (p: typeof here) => ({ ...p, verification: { ...p.verification, durationMs: 0 } });
    assert.deepEqual(comparable(there), comparable(here));
  });

  it('keeps one worker for the next plan, and ends it when cancelled; a plan waiting behind goes on in a new one', async () => {
    const config = loadConfig(root);
    const request = { config, key: 'legacy-banner', value: true, scope: { kind: 'project' as const }, verify: true, openFiles: [] };
    await worker.plan(request);
    assert.equal(worker.running, true, 'kept for the next plan');
    let cancel: () => void = () => {};
    const token = { isCancellationRequested: false, onCancellationRequested: (l: () => void) => ((cancel = l), { dispose() {} }) };
    const cancelled = worker.plan(request, token);
    const behind = worker.plan(request);
    setTimeout(() => cancel(), 20);
    await assert.rejects(cancelled, PlanCancelled);
    const plan = await behind;
    assert.equal(plan.verification.mode, 'types');
  });

  it('reports an engine failure instead of hanging, and plans again afterwards', async () => {
    await assert.rejects(worker.plan({ config: undefined as never, key: 'x', value: true, scope: { kind: 'project' }, verify: false, openFiles: [] }), /Cannot read properties of undefined/);
    const plan = await worker.plan({ config: loadConfig(root), key: 'legacy-banner', value: true, scope: { kind: 'project' }, verify: false, openFiles: [] });
    assert.ok(plan.files.length > 0);
  });

  it('ends an idle worker', async () => {
    const idle = new PlanWorker({ script: SCRIPT, idleMs: 50 });
    await idle.plan({ config: loadConfig(root), key: 'legacy-banner', value: true, scope: { kind: 'project' }, verify: false, openFiles: [] });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(idle.running, false);
  });
});
