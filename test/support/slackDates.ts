/**
 * Renders `<!date^UNIX^FORMAT|fallback>` the way a Slack client shows it to a reader, so that tests
 * can read a message as a person would. Slack's documented tokens: `{date_short_pretty}`,
 * `{date_long_pretty}` and `{date_pretty}` say "today", "tomorrow" or "yesterday" for a near day
 * (in a Japanese client 「今日」「明日」「昨日」) and otherwise fall back to `{date_short}` ("Nov 23",
 * 「11月23日」), `{date_long}` or `{date}`; `{time}` is the clock time. Formats are approximations of
 * Slack's (its exact English long date has ordinals); the near-day words are what tests care about.
 */
export interface Reader {
  readonly now: Date;
  readonly timeZone: string;
  readonly locale: 'en' | 'ja';
}

const DAY_MS = 86_400_000;
const NEAR: Record<Reader['locale'], readonly [string, string, string]> = {
  en: ['yesterday', 'today', 'tomorrow'],
  ja: ['昨日', '今日', '明日'],
};

function dayKey(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

function near(date: Date, reader: Reader): string | undefined {
  const key = dayKey(date, reader.timeZone);
  const index = [-1, 0, 1].findIndex(
    (offset) => dayKey(new Date(reader.now.getTime() + offset * DAY_MS), reader.timeZone) === key,
  );
  return index === -1 ? undefined : NEAR[reader.locale][index];
}

function format(date: Date, reader: Reader, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(reader.locale === 'ja' ? 'ja-JP' : 'en-US', {
    timeZone: reader.timeZone,
    ...options,
  }).format(date);
}

function token(name: string, date: Date, reader: Reader): string {
  const short = (): string =>
    format(date, reader, { month: reader.locale === 'ja' ? 'long' : 'short', day: 'numeric' });
  const long = (): string =>
    format(date, reader, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  const plain = (): string => format(date, reader, { year: 'numeric', month: 'long', day: 'numeric' });
  switch (name) {
    case 'date_short':
      return short();
    case 'date_long':
      return long();
    case 'date':
      return plain();
    case 'date_short_pretty':
      return near(date, reader) ?? short();
    case 'date_long_pretty':
      return near(date, reader) ?? long();
    case 'date_pretty':
      return near(date, reader) ?? plain();
    case 'date_num':
      return dayKey(date, reader.timeZone);
    case 'time':
      return format(date, reader, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    default:
      throw new Error(`not a Slack date token: {${name}}`);
  }
}

/** The text with every Slack date shown as the reader would see it. */
export function readAs(text: string, reader: Reader): string {
  return text.replace(
    /<!date\^(\d+)\^([^^|>]*)(?:\^[^|>]*)?\|[^>]*>/g,
    (_whole, unix: string, fmt: string) => {
      const date = new Date(Number(unix) * 1000);
      return fmt.replace(/\{([a-z_]+)\}/g, (_t, name: string) => token(name, date, reader));
    },
  );
}
