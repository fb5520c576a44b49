import {
  applyDelta,
  computeNodeValidity,
  datasetDigest,
  type ContentDelta,
  type ContentDigest,
  type Dataset,
  type DegreeStats,
  type GraphNode,
  type Relationship,
  type Validity,
} from '../../domain';
import { Adjacency } from './adjacency';
import { CitationIndex } from './citation-index';
import { ObservationIndex } from './observation-index';
import { RecordHistory } from './record-history';
import { RetiredRecords } from './retired-records';
import { SearchIndex } from './search-index';
import { SortedNodes } from './sorted-nodes';

/**
 * The memory store's live graph: the records and every index over them, built once from a
 * dataset. The store's rooms read it (lists, hops, search) and change application updates every
 * index in place, synchronously, so a request never sees half a change.
 */
export class MemoryGraph {
  /** Live entities by id. */
  readonly nodes = new Map<string, GraphNode>();
  /** Live entities in list order, all and per kind. */
  readonly sorted: SortedNodes;
  /** Live edges per node, type and direction. */
  readonly adjacency: Adjacency;
  /** Live relationships by id. */
  readonly relationships = new Map<string, Relationship>();
  readonly observations: ObservationIndex;
  /** The full-text index over entities and relationship and observation notes. */
  readonly search = new SearchIndex(this.nodes);
  /** Who cites each source (reverse provenance). */
  readonly citations = new CitationIndex();
  readonly retired = new RetiredRecords();
  /** Every curated record's history (entries derived from the journal as its changes apply). */
  readonly history = new RecordHistory();
  /** Every live entity's lifetime; recomputed when dates or REPLACES edges change. */
  validity: Map<string, Validity>;
  /**
   * Digest of the live content (dataset-version.ts): computed on first use (a large synthetic
   * graph opens without hashing it), then kept current by each change's delta.
   */
  private contentDigest: ContentDigest | null = null;
  /** Every live relationship in compareRelationships order; null until read after an edge change. */
  sortedRelationships: Relationship[] | null = null;
  /** Computed on first use after a change (change application drops it). */
  degreeStats: DegreeStats | null = null;

  constructor(dataset: Dataset) {
    this.validity = computeNodeValidity(dataset);
    for (const node of dataset.nodes) this.nodes.set(node.id, node);
    this.sorted = new SortedNodes(dataset.nodes);
    this.adjacency = new Adjacency(dataset.relationships, (id) => this.nodes.get(id)!);
    for (const rel of dataset.relationships) this.relationships.set(rel.id, rel);
    this.observations = new ObservationIndex(dataset.observations);
    for (const node of dataset.nodes) this.citations.add({ kind: 'ENTITY', node });
    for (const relationship of dataset.relationships) this.citations.add({ kind: 'RELATIONSHIP', relationship });
    for (const observation of dataset.observations) this.citations.add({ kind: 'OBSERVATION', observation });
    this.search.putDataset(dataset);
  }

  /** Lifetimes depend on dates and REPLACES edges; recomputing them all takes well under a millisecond. */
  refreshValidity(): void {
    this.validity = computeNodeValidity({ nodes: [...this.nodes.values()], relationships: [...this.relationships.values()] });
  }

  /** The digest of the live content, computed on first use. */
  digest(): ContentDigest {
    this.contentDigest ??= datasetDigest({
      nodes: [...this.nodes.values()],
      relationships: [...this.relationships.values()],
      observations: [...this.observations.all()],
    });
    return this.contentDigest;
  }

  /** Keeps the digest current (when it was computed already; otherwise it is computed from the live content when asked). */
  changed(delta: ContentDelta): void {
    if (this.contentDigest !== null) this.contentDigest = applyDelta(this.contentDigest, delta);
  }
}
