/**
 * Intl.DateTimeFormat objects, built once per language, zone and options: building one costs far
 * more than using it, and cards and digests format dates on every render.
 */
const built = new Map<string, Intl.DateTimeFormat>();

/** The formatter for a BCP 47 language tag and options (the time zone among them). */
export function dateTimeFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = built.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, options);
    built.set(key, format);
  }
  return format;
}
