import MiniSearch from 'minisearch';
import {
  SEARCH_CANDIDATE_LIMIT,
  SearchTarget,
  allowedTypos,
  allowsPrefix,
  queryTerms,
  searchWords,
  type GraphNode,
  type Observation,
  type Relationship,
  type SearchCandidate,
  type SearchCandidates,
} from '../../domain';

interface SearchDoc {
  /** `E:` entity id, `R:` relationship id, `O:` observation id. */
  id: string;
  name: string;
  aliases: string;
  description: string;
  note: string;
}

/** What a document stands for, and its distinct words (for the per-term document counts). */
interface Indexed {
  readonly target: SearchTarget;
  readonly id: string;
  readonly relationship?: Relationship;
  readonly observation?: Observation;
  readonly words: ReadonlySet<string>;
}

/**
 * The memory store's full-text index: MiniSearch over entities (name, aliases, description) and
 * relationship and observation notes, plus the number of documents holding each word, which the
 * ranking needs as corpus statistics (src/domain/search.ts). Text is split and folded by the
 * domain's `searchWords`, as the Neo4j index is, so both stores find and count the same words.
 * Entities are read from the store's live map, so a renamed end shows in a relationship hit.
 */
export class SearchIndex {
  private readonly mini = new MiniSearch<SearchDoc>({
    fields: ['name', 'aliases', 'description', 'note'],
    tokenize: (text) => searchWords(text),
    processTerm: (term) => term,
    searchOptions: {
      fuzzy: (term) => allowedTypos(term),
      prefix: (term) => allowsPrefix(term),
      combineWith: 'OR',
    },
  });
  private readonly docs = new Map<string, Indexed>();
  private readonly frequencies = new Map<string, number>();

  constructor(private readonly nodes: ReadonlyMap<string, GraphNode>) {}

  /** Adds or replaces an entity. */
  putEntity(node: GraphNode): void {
    this.put({ id: `E:${node.id}`, name: node.name, aliases: node.aliases.join(' | '), description: node.description ?? '', note: '' }, { target: SearchTarget.ENTITY, id: node.id });
  }

  removeEntity(id: string): void {
    this.remove(`E:${id}`);
  }

  /** Adds a relationship when its note has a word. */
  putRelationship(rel: Relationship): void {
    this.put({ id: `R:${rel.id}`, name: '', aliases: '', description: '', note: rel.note ?? '' }, { target: SearchTarget.RELATIONSHIP, id: rel.id, relationship: rel });
  }

  removeRelationship(id: string): void {
    this.remove(`R:${id}`);
  }

  /** Adds an observation when its note has a word. */
  putObservation(obs: Observation): void {
    this.put({ id: `O:${obs.id}`, name: '', aliases: '', description: '', note: obs.note ?? '' }, { target: SearchTarget.OBSERVATION, id: obs.id, observation: obs });
  }

  removeObservation(id: string): void {
    this.remove(`O:${id}`);
  }

  /**
   * The documents matching any word of `text` (exactly, as a prefix, or within the typos the
   * ranking allows), at most SEARCH_CANDIDATE_LIMIT by MiniSearch's relevance, and the corpus
   * statistics for the query's words.
   */
  find(text: string): SearchCandidates {
    const terms = queryTerms(text);
    const found = terms.length === 0 ? [] : this.mini.search(terms.join(' ')).slice(0, SEARCH_CANDIDATE_LIMIT);
    const candidates: SearchCandidate[] = [];
    for (const r of found) {
      const c = this.candidate(this.docs.get(r.id as string)!);
      if (c) candidates.push(c);
    }
    return { candidates, corpus: { documents: this.docs.size, frequencies: new Map(terms.map((t) => [t, this.frequencies.get(t) ?? 0])) } };
  }

  private candidate(doc: Indexed): SearchCandidate | null {
    if (doc.target === SearchTarget.ENTITY) {
      const node = this.nodes.get(doc.id);
      return node ? { target: doc.target, node } : null;
    }
    if (doc.relationship) {
      const [node, other] = [this.nodes.get(doc.relationship.from), this.nodes.get(doc.relationship.to)];
      return node && other ? { target: doc.target, node, other, relationship: doc.relationship } : null;
    }
    const metric = this.nodes.get(doc.observation!.metricId);
    return metric ? { target: doc.target, node: metric, observation: doc.observation } : null;
  }

  private put(doc: SearchDoc, what: Omit<Indexed, 'words'>): void {
    this.remove(doc.id);
    const words = new Set([doc.name, doc.aliases, doc.description, doc.note].flatMap(searchWords));
    // Every entity is a document; a relationship or observation only when its note has a word.
    if (words.size === 0 && what.target !== SearchTarget.ENTITY) return;
    this.mini.add(doc);
    this.docs.set(doc.id, { ...what, words });
    for (const w of words) this.frequencies.set(w, (this.frequencies.get(w) ?? 0) + 1);
  }

  private remove(key: string): void {
    const doc = this.docs.get(key);
    if (!doc) return;
    this.mini.discard(key);
    this.docs.delete(key);
    for (const w of doc.words) {
      const n = this.frequencies.get(w)! - 1;
      if (n > 0) this.frequencies.set(w, n);
      else this.frequencies.delete(w);
    }
  }
}
