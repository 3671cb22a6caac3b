/**
 * A capability's service: the dependencies the composition root gave it, and its repository
 * under a short name. Every service that owns a repository extends this.
 */
export abstract class RepositoryBacked<Deps extends { readonly repository: unknown }> {
  constructor(protected readonly deps: Deps) {}

  protected get repo(): Deps['repository'] {
    return this.deps.repository;
  }
}
