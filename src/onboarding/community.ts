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

/**
 * One fact a newcomer gives when asking to join (with APPROVAL=on), in both languages: the
 * eligibility form shows one field per fact, in this order; admins read the answers on the card.
 */
const factSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/, 'must be a short id in lower case, such as years'),
  en: z.string().min(1).max(100),
  ja: z.string().min(1).max(100),
});

/** Used when the community text declares none: what most alumni communities ask. */
export const DEFAULT_ELIGIBILITY_FACTS: readonly EligibilityFact[] = [
  { id: 'years', en: 'Years at the company (e.g. 2015–2021)', ja: '在籍期間（例：2015〜2021年）' },
  { id: 'department', en: 'Department or team', ja: '所属部署・チーム' },
  { id: 'employer', en: 'Current employer', ja: '現在の勤務先' },
];

const fileSchema = z.object({
  version: z.string().min(1).max(40),
  en: textSchema,
  ja: textSchema,
  eligibilityFacts: z
    .array(factSchema)
    .min(1)
    .max(8)
    .refine((facts) => new Set(facts.map((fact) => fact.id)).size === facts.length, 'ids must differ')
    .optional(),
});

export type EligibilityFact = z.infer<typeof factSchema>;

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

  /** What a newcomer is asked when approval is on: the community's own facts, or the defaults. */
  get eligibilityFacts(): readonly EligibilityFact[] {
    return this.data.eligibilityFacts ?? DEFAULT_ELIGIBILITY_FACTS;
  }
}
