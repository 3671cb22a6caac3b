import { AckFirst } from '../../src/slack/ackFirst';

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

describe('AckFirst: follow-up work takes turns behind acks', () => {
  it('lets up to `otherwise` follow-ups run while no request waits for its ack', async () => {
    const gate = new AckFirst({ whileAcksWait: 1, otherwise: 3 });
    const started: number[] = [];
    const turns = [0, 1, 2, 3].map(async (n) => {
      const done = await gate.turn();
      started.push(n);
      return done;
    });
    await flush();
    expect(started).toEqual([0, 1, 2]);
    const [first] = await Promise.all(turns.slice(0, 3));
    first?.();
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('runs one at a time while requests wait for their ack, in arrival order, and all once they are answered', async () => {
    const gate = new AckFirst({ whileAcksWait: 1, otherwise: 16 });
    const answered = [gate.arrived(), gate.arrived()];
    const started: number[] = [];
    const dones: (() => void)[] = [];
    for (const n of [0, 1, 2, 3])
      void gate.turn().then((done) => {
        started.push(n);
        dones.push(done);
      });
    await flush();
    expect(started).toEqual([0]);
    dones[0]?.();
    await flush();
    expect(started).toEqual([0, 1]);
    for (const answer of answered) answer();
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('counts an answer and a finished turn once, however often they are reported', async () => {
    const gate = new AckFirst({ whileAcksWait: 1, otherwise: 2 });
    const answer = gate.arrived();
    answer();
    answer();
    const first = await gate.turn();
    first();
    first();
    const started: number[] = [];
    for (const n of [0, 1, 2]) void gate.turn().then(() => started.push(n));
    await flush();
    expect(started).toEqual([0, 1]);
  });
});
