import { Coalescer } from '../../src/coalescer';

describe('Coalescer', () => {
  it('runs once for a burst, plus once after for what came in meanwhile', async () => {
    const coalescer = new Coalescer();
    let runs = 0;
    let release: () => void = () => undefined;
    const work = (): Promise<void> => {
      runs += 1;
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    };
    const first = coalescer.run('k', work);
    const burst = [coalescer.run('k', work), coalescer.run('k', work), coalescer.run('k', work)];
    expect(runs).toBe(1);
    release();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(2);
    release();
    await Promise.all(burst);
    expect(runs).toBe(2);
    // Other keys are independent; a failed run does not stop the next one.
    await expect(coalescer.run('x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await coalescer.run('x', () => Promise.resolve());
  });
});
