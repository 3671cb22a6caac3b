/** The pieces of a members row that several tables' readers show: who a member is, and to whom. */
import type { Selectable } from 'kysely';
import type { Database } from './schema';
import { visibilitySchema, type ProfileFacts, type Visibility } from '../members/types';

type ProfileFactsRow = Pick<
  Selectable<Database['members']>,
  'display_name' | 'title' | 'company' | 'location' | 'years_from' | 'years_to'
>;

export function toProfileFacts(row: ProfileFactsRow): ProfileFacts {
  return {
    displayName: row.display_name,
    title: row.title,
    company: row.company,
    location: row.location,
    yearsFrom: row.years_from,
    yearsTo: row.years_to,
  };
}

/**
 * A stored visibility; a value the code does not know (or none, from an outer join) is read as the
 * most private choice, so that a bad row can hide a member but never show one.
 */
export function toVisibility(value: string | null | undefined): Visibility {
  return visibilitySchema.catch('nobody').parse(value ?? 'nobody');
}
