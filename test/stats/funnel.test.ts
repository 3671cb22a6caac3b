import { formatPercent, funnel, funnelRates, percent } from '../../src/stats/funnel';
import { csvCell, csvFile } from '../../src/slack/csv';
import { parseCommand } from '../../src/slack/parse/command';

describe('percent: one decimal, half up, exact', () => {
  it.each([
    [1, 2, 50],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 6, 16.7],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25 rounds half up
    [3, 16, 18.8], // 18.75
    [1, 1000, 0.1],
    [1, 2001, 0], // 0.04998…
    [1, 1999, 0.1], // 0.05003…
    [0, 5, 0],
    [5, 5, 100],
    [7, 4, 175], // steps can be reached without the step before (curious from the channel)
    [123_456, 1_000_000, 12.3],
  ])('%i / %i = %d%%', (numerator, denominator, expected) => {
    expect(percent(numerator, denominator)).toBe(expected);
  });

  it('has no rate over nobody', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(3, 0)).toBeNull();
  });

  it('refuses what is not a count', () => {
    expect(() => percent(-1, 2)).toThrow(RangeError);
    expect(() => percent(1.5, 2)).toThrow(RangeError);
    expect(() => percent(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('funnel rates between consecutive steps', () => {
  it('divides each step by the one before it', () => {
    expect(funnelRates({ shown: 6, curious: 3, applyClick: 1, hired: 0, referrals: 9 })).toEqual({
      curiousPerShown: 50,
      applyPerCurious: 33.3,
      hiredPerApply: 0,
    });
  });

  it('gives no rate where the step before is empty, and keeps the others', () => {
    expect(funnelRates({ shown: 0, curious: 1, applyClick: 1, hired: 0, referrals: 0 })).toEqual({
      curiousPerShown: null,
      applyPerCurious: 100,
      hiredPerApply: 0,
    });
    const empty = funnel({ shown: 0, curious: 0, applyClick: 0, hired: 0, referrals: 0 });
    expect(empty.rates).toEqual({ curiousPerShown: null, applyPerCurious: null, hiredPerApply: null });
  });

  it('formats with one decimal and a dash for no rate', () => {
    expect(formatPercent(50, '—')).toBe('50.0%');
    expect(formatPercent(33.3, '—')).toBe('33.3%');
    expect(formatPercent(0, '—')).toBe('0.0%');
    expect(formatPercent(null, '—')).toBe('—');
  });
});

describe('csv cells', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell('')).toBe('""');
  });

  it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('defuses a formula start: %j', (value) => {
    expect(csvCell(value)).toBe(`"'${value}"`);
  });

  it('writes a BOM, CRLF line ends and a final newline', () => {
    expect(csvFile(['a', 'b'], [['1', '日本']])).toBe('\uFEFF"a","b"\r\n"1","日本"\r\n');
  });
});

describe('parsing stats', () => {
  it.each([
    ['stats', { verb: 'stats', action: 'report' }],
    ['  STATS  ', { verb: 'stats', action: 'report' }],
    ['stats csv', { verb: 'stats', action: 'csv' }],
    ['stats CSV', { verb: 'stats', action: 'csv' }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each(['stats foo', 'stats csv now', 'stats report'])('%j is a usage problem', (text) => {
    expect(parseCommand(text)).toEqual({ ok: false, usage: 'stats_usage' });
  });
});
