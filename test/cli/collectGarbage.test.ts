import { collectGarbage } from '../../src/cli/common';

describe('collectGarbage (before consolidate writes its list)', () => {
  it('collects an object nothing holds any more', async () => {
    let target: { values: number[] } | undefined = { values: new Array<number>(10_000).fill(1) };
    const ref = new WeakRef(target);
    target = undefined;
    // A WeakRef keeps its target to the end of the job that read it: collect in a later one.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('keeps what is still held', () => {
    const held = { values: [1, 2, 3] };
    const ref = new WeakRef(held);
    collectGarbage();
    expect(ref.deref()).toBe(held);
  });
});
