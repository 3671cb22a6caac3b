import { TestBot, allText } from '../support/testBot';

describe('smoke', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start();
  });
  afterAll(async () => {
    await tb.stop();
  });

  it('answers /alumni help in the acknowledgement', async () => {
    const response = await tb.command('help');
    expect(response.status).toBe(200);
    expect(allText(response.json)).toContain('interests add');
    expect(tb.fake.violations).toEqual([]);
  });

  it('serves /healthz', async () => {
    const response = await fetch(`${tb.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
