import * as assert from 'node:assert/strict';
import { createProgress } from '../../src/cli/progress';

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const stream = { isTTY, text: '', write(chunk: string) { stream.text += chunk; return true; } };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

describe('progress line', () => {
  it('appears on a TTY once the scan has taken a second, then clears', () => {
    let t = 0;
    const stream = fakeStream(true);
    const progress = createProgress({ stream, env: {}, now: () => t });
    progress.onProgress(10, 100);
    assert.equal(stream.text, '', 'nothing during the first second');
    t = 1500;
    progress.onProgress(50, 100);
    assert.equal(stream.text, '\r\x1b[2Kflagsweep: scanning 50/100 files');
    t = 1550;
    progress.onProgress(60, 100);
    assert.equal(stream.text.split('\r\x1b[2K').length, 2, 'throttled');
    progress.onProgress(100, 100);
    assert.match(stream.text, /scanning 100\/100 files$/);
    t = 2000;
    progress.onProgress(3, 40, 'git blame 3/40 files');
    assert.match(stream.text, /\r\x1b\[2Kflagsweep: git blame 3\/40 files$/);
    progress.stop();
    assert.ok(stream.text.endsWith('\r\x1b[2K'));
  });

  it('never writes to a pipe or in CI', () => {
    for (const [isTTY, env] of [
      [false, {}],
      [true, { CI: 'true' }],
      [true, { GITHUB_ACTIONS: 'true' }],
      [true, { TERM: 'dumb' }],
    ] as const) {
      let t = 0;
      const stream = fakeStream(isTTY);
      const progress = createProgress({ stream, env, now: () => t });
      t = 5000;
      progress.onProgress(1, 2);
      progress.stop();
      assert.equal(stream.text, '', JSON.stringify({ isTTY, env }));
    }
  });
});
