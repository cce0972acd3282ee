import { LRUCache } from 'lru-cache';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { AccessPolicy, FieldCategories } from './accessPolicy';

/**
 * Entity types whose fields are public reference data, the same answer for every caller: the facility master
 * (docs/architecture.md "Facility, one entity"; 医療機関コード, name, kind, prefecture and address are published
 * by the regional bureaus). The gateway keeps qualifications' answers about them for a short while, so a screen that
 * names facilities it named a moment ago does not make a second trip (docs/architecture.md "Reference data cached at
 * the gateway"). A type with any field under `@access` is never cached: its answer depends on the caller.
 */
export const PUBLIC_REFERENCE_ENTITIES: readonly string[] = ['Facility'];

/** How long an answer is kept by default: a master change shows within a minute. */
export const REFERENCE_CACHE_DEFAULT_TTL_MS = 60_000;
/** Bounded: about 180,000 facilities exist nationwide, and one entry is a few hundred bytes. */
const REFERENCE_CACHE_MAX_ENTRIES = 50_000;

type GraphQLRequest = GraphQLDataSourceProcessOptions['request'];
type GraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
type Representation = { __typename: string } & Record<string, unknown>;
type Entity = Record<string, unknown>;

/**
 * The types of `PUBLIC_REFERENCE_ENTITIES` that no `@access` rule or category touches in this supergraph; the others
 * are named in `refused` so that start-up can say why they are not cached.
 */
export function cacheableReferenceTypes(policy: AccessPolicy, categories: FieldCategories, candidates: readonly string[] = PUBLIC_REFERENCE_ENTITIES): { types: Set<string>; refused: string[] } {
  const guarded = (type: string) => [...policy.keys(), ...categories.keys()].some((key) => key.startsWith(`${type}.`));
  const refused = candidates.filter(guarded);
  return { types: new Set(candidates.filter((type) => !guarded(type))), refused };
}

/**
 * Answers an `_entities` fetch whose representations are all of cacheable types from what the subgraph answered
 * before, for the same operation text and the same key, within the TTL. All or nothing: when one representation is
 * missing the whole fetch goes to the subgraph (its answer, error-free and of the right length, refills the cache),
 * so an answer is never pieced together from two moments with errors indexed against the wrong list.
 */
export class ReferenceEntityCache {
  private readonly entries: LRUCache<string, Entity>;

  constructor(private readonly types: ReadonlySet<string>, ttlMs: number) {
    this.entries = new LRUCache<string, Entity>({ max: REFERENCE_CACHE_MAX_ENTRIES, ttl: ttlMs });
  }

  /** The fetch's representations when every one is of a cacheable type; otherwise undefined (not for the cache). */
  private representationsOf(request: GraphQLRequest): Representation[] | undefined {
    if (this.types.size === 0 || typeof request.query !== 'string') return undefined;
    const representations = request.variables?.representations;
    if (!Array.isArray(representations) || representations.length === 0) return undefined;
    for (const representation of representations) {
      if (typeof representation !== 'object' || representation === null) return undefined;
      const typename = (representation as { __typename?: unknown }).__typename;
      if (typeof typename !== 'string' || !this.types.has(typename)) return undefined;
    }
    return representations as Representation[];
  }

  /** One entry per operation text, other variables and representation: the fetch's part serialised once. */
  private keysOf(request: GraphQLRequest, representations: readonly Representation[]): string[] {
    const { representations: _representations, ...others } = request.variables ?? {};
    const fetchKey = JSON.stringify([request.query, others]);
    return representations.map((representation) => `${fetchKey}${JSON.stringify(representation)}`);
  }

  async fetch(request: GraphQLRequest, forward: () => Promise<GraphQLResponse>): Promise<GraphQLResponse> {
    const representations = this.representationsOf(request);
    if (representations === undefined) return forward();
    const keys = this.keysOf(request, representations);
    const cached = keys.map((key) => this.entries.get(key));
    // Copies: the gateway merges fetched entities into its result tree, which must never reach back into the cache.
    if (cached.every((entity) => entity !== undefined)) return { data: { _entities: cached.map((entity) => structuredClone(entity)) } };
    const response = await forward();
    const entities = response.data?._entities;
    if ((response.errors?.length ?? 0) === 0 && Array.isArray(entities) && entities.length === keys.length) {
      keys.forEach((key, index) => {
        const entity = entities[index] as unknown;
        if (typeof entity === 'object' && entity !== null) this.entries.set(key, structuredClone(entity as Entity));
      });
    }
    return response;
  }
}
