import fs from 'node:fs';
import { z } from 'zod';
import { projectFile } from '../paths';
import type { Locale } from '../i18n';

const textSchema = z.object({
  name: z.string().min(1).max(80),
  purpose: z.string().min(1).max(1500),
  eligibility: z.string().min(1).max(1000),
  conduct: z.array(z.string().min(1).max(500)).min(1).max(20),
});

const fileSchema = z.object({
  version: z.string().min(1).max(40),
  en: textSchema,
  ja: textSchema,
});

export type CommunityText = z.infer<typeof textSchema>;

/** The community's purpose, eligibility and code of conduct, in both languages, with a version. */
export class CommunityCharter {
  private constructor(private readonly data: z.infer<typeof fileSchema>) {}

  static load(file: string = CommunityCharter.defaultFile()): CommunityCharter {
    const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`);
    }
    return new CommunityCharter(parsed.data);
  }

  static defaultFile(): string {
    return projectFile('content', 'community.json');
  }

  get version(): string {
    return this.data.version;
  }

  text(locale: Locale): CommunityText {
    return this.data[locale];
  }
}
