import { databaseAnswers } from '../../src/storage/probe';
import { describeOnEachEngine } from '../support/engines';

describeOnEachEngine('the /healthz database probe', (engine) => {
  test('answers true while the database answers, false once it cannot', async () => {
    const sql = engine().connect();
    expect(await databaseAnswers(sql)).toBe(true);
    await sql.destroy();
    expect(await databaseAnswers(sql)).toBe(false);
  });
});
