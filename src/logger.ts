import { LogLevel, type Logger } from '@slack/bolt';

export type { Logger };

const order: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

// Tokens must never reach a log line, whatever a library puts in an error message.
const secretPattern = /\b(xox[abprs]|xapp)-[A-Za-z0-9-]+/g;

function render(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** A Bolt-compatible logger writing one line per entry to a stream, with tokens masked. */
export class LineLogger implements Logger {
  private level: LogLevel;
  private name = 'homecoming';
  constructor(
    level: LogLevel = LogLevel.INFO,
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {
    this.level = level;
  }
  private log(level: LogLevel, args: unknown[]): void {
    if (order[level] < order[this.level]) return;
    const text = args.map(render).join(' ').replace(secretPattern, '$1-***');
    this.write(`${new Date().toISOString()} ${level.toUpperCase()} [${this.name}] ${text}`);
  }
  debug(...msg: unknown[]): void {
    this.log(LogLevel.DEBUG, msg);
  }
  info(...msg: unknown[]): void {
    this.log(LogLevel.INFO, msg);
  }
  warn(...msg: unknown[]): void {
    this.log(LogLevel.WARN, msg);
  }
  error(...msg: unknown[]): void {
    this.log(LogLevel.ERROR, msg);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(name: string): void {
    this.name = name;
  }
}
