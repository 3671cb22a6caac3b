import { SendPacer } from '../../src/scheduler/pacer';

describe('SendPacer', () => {
  it('spaces posts at the configured pace, shares one pause on 429 and slows down by a fifth', async () => {
    let now = 0;
    const slept: number[] = [];
    const sleep = (ms: number): Promise<void> => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    };
    const pacer = new SendPacer(sleep, 10, () => now);
    await pacer.acquire();
    await pacer.acquire();
    await pacer.acquire();
    expect(slept).toEqual([100, 100]);
    const first = pacer.rateLimited(2);
    const second = pacer.rateLimited(2);
    await Promise.all([first, second]);
    expect(slept).toEqual([100, 100, 2000]);
    expect(pacer.rate).toBe(8);
    // After the pause the first post goes at once, the next at the slower pace.
    await pacer.acquire();
    await pacer.acquire();
    expect(slept.slice(3)).toEqual([125]);
  });

  it('creeps back to the maximum after ten quiet seconds, never beyond', () => {
    let now = 0;
    const pacer = new SendPacer(
      () => Promise.resolve(),
      10,
      () => now,
    );
    void pacer.rateLimited(0);
    expect(pacer.rate).toBe(8);
    now = 5_000;
    pacer.succeeded();
    expect(pacer.rate).toBe(8);
    for (let second = 11; second < 30; second += 1) {
      now = second * 1000;
      pacer.succeeded();
    }
    expect(pacer.rate).toBe(10);
  });
});
