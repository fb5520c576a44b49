import MiniSearch from 'minisearch';
import {
  SEARCH_CANDIDATE_LIMIT,
  SearchTarget,
  allowedTypos,
  allowsPrefix,
  queryTerms,
  searchWords,
  type Dataset,
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

/**
 * What a document stands for: the record it was built from (immutable; a change replaces it), so
 * its words can be worked out again when it leaves, rather than kept for every document.
 */
type Indexed =
  | { readonly target: SearchTarget.ENTITY; readonly id: string; readonly node: GraphNode }
  | { readonly target: SearchTarget.RELATIONSHIP; readonly id: string; readonly relationship: Relationship }
  | { readonly target: SearchTarget.OBSERVATION; readonly id: string; readonly observation: Observation };

function searchDoc(what: Indexed): SearchDoc {
  switch (what.target) {
    case SearchTarget.ENTITY:
      return { id: `E:${what.id}`, name: what.node.name, aliases: what.node.aliases.join(' | '), description: what.node.description ?? '', note: '' };
    case SearchTarget.RELATIONSHIP:
      return { id: `R:${what.id}`, name: '', aliases: '', description: '', note: what.relationship.note ?? '' };
    case SearchTarget.OBSERVATION:
      return { id: `O:${what.id}`, name: '', aliases: '', description: '', note: what.observation.note ?? '' };
  }
}

/** The distinct words of a document, each counted once in the per-word document counts. */
function docWords(doc: SearchDoc): Set<string> {
  return new Set([doc.name, doc.aliases, doc.description, doc.note].flatMap(searchWords));
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

  /** Indexes a whole dataset at set-up: entities, then relationships, then observations. */
  putDataset(dataset: Pick<Dataset, 'nodes' | 'relationships' | 'observations'>): void {
    for (const node of dataset.nodes) this.putEntity(node);
    for (const rel of dataset.relationships) this.putRelationship(rel);
    for (const obs of dataset.observations) this.putObservation(obs);
  }

  /** Adds or replaces an entity. */
  putEntity(node: GraphNode): void {
    this.put({ target: SearchTarget.ENTITY, id: node.id, node });
  }

  removeEntity(id: string): void {
    this.remove(`E:${id}`);
  }

  /** Adds a relationship when its note has a word. */
  putRelationship(rel: Relationship): void {
    this.put({ target: SearchTarget.RELATIONSHIP, id: rel.id, relationship: rel });
  }

  removeRelationship(id: string): void {
    this.remove(`R:${id}`);
  }

  /** Adds an observation when its note has a word. */
  putObservation(obs: Observation): void {
    this.put({ target: SearchTarget.OBSERVATION, id: obs.id, observation: obs });
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
    switch (doc.target) {
      case SearchTarget.ENTITY: {
        const node = this.nodes.get(doc.id);
        return node ? { target: doc.target, node } : null;
      }
      case SearchTarget.RELATIONSHIP: {
        const [node, other] = [this.nodes.get(doc.relationship.from), this.nodes.get(doc.relationship.to)];
        return node && other ? { target: doc.target, node, other, relationship: doc.relationship } : null;
      }
      case SearchTarget.OBSERVATION: {
        const metric = this.nodes.get(doc.observation.metricId);
        return metric ? { target: doc.target, node: metric, observation: doc.observation } : null;
      }
    }
  }

  private put(what: Indexed): void {
    const doc = searchDoc(what);
    this.remove(doc.id);
    const words = docWords(doc);
    // Every entity is a document; a relationship or observation only when its note has a word.
    if (words.size === 0 && what.target !== SearchTarget.ENTITY) return;
    this.mini.add(doc);
    this.docs.set(doc.id, what);
    for (const w of words) this.frequencies.set(w, (this.frequencies.get(w) ?? 0) + 1);
  }

  private remove(key: string): void {
    const what = this.docs.get(key);
    if (!what) return;
    this.mini.discard(key);
    this.docs.delete(key);
    for (const w of docWords(searchDoc(what))) {
      const n = this.frequencies.get(w)! - 1;
      if (n > 0) this.frequencies.set(w, n);
      else this.frequencies.delete(w);
    }
  }
}
