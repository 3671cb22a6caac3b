/**
 * Compile-time proof that a write stores every field of its domain input. The write destructures
 * the fields it stores (naming `_…` those kept elsewhere) and passes the rest here: a field the
 * domain type gains but the write forgot stays in the rest, whose type then does not fit, so the
 * build fails instead of the field being dropped without a word (Kysely lets a nullable column be
 * left out of an insert). The read side needs no such help: each table's one mapping returns the
 * domain type from an object literal, which must name every field.
 */
export function everyFieldWritten(unwritten: Record<string, never>): void {
  void unwritten;
}
