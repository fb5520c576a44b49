/**
 * The fixed vocabulary of the synthetic graph. Names, aliases, descriptions and notes are made
 * only of these words, so the full-text index holds a bounded, realistic vocabulary whatever the
 * graph's size; `RARE_WORDS` are the search probes, each placed in a handful of names and chosen
 * far (no shared prefix, at least 3 edits) from every common word and from each other, so that a
 * typo-tolerant, prefix-matching search for one finds exactly its handful of nodes.
 */

/** Common words: places, institutions, subjects and qualifiers of U.S.–Mexico relations. */
export const WORDS: readonly string[] = [
  'northern', 'southern', 'eastern', 'western', 'central', 'coastal', 'inland', 'upper', 'lower', 'greater',
  'border', 'frontier', 'harbor', 'river', 'valley', 'desert', 'mountain', 'gulf', 'pacific', 'atlantic',
  'trade', 'commerce', 'customs', 'tariff', 'export', 'import', 'supply', 'chain', 'market', 'investment',
  'security', 'defense', 'police', 'justice', 'court', 'prison', 'crime', 'cartel', 'smuggling', 'weapons',
  'migration', 'asylum', 'refugee', 'visa', 'labor', 'worker', 'wages', 'union', 'employment', 'remittance',
  'energy', 'oil', 'gas', 'electric', 'power', 'solar', 'wind', 'mining', 'lithium', 'water',
  'health', 'vaccine', 'hospital', 'pandemic', 'opioid', 'narcotics', 'addiction', 'treatment', 'clinic', 'medicine',
  'education', 'school', 'university', 'science', 'research', 'innovation', 'technology', 'digital', 'cyber', 'data',
  'agriculture', 'farm', 'cattle', 'corn', 'avocado', 'tomato', 'sugar', 'fishery', 'forest', 'climate',
  'council', 'commission', 'committee', 'agency', 'bureau', 'ministry', 'office', 'secretariat', 'board', 'institute',
  'program', 'initiative', 'strategy', 'framework', 'reform', 'law', 'plan', 'project', 'provision', 'goal',
  'summit', 'meeting', 'visit', 'election', 'ruling', 'review', 'signing', 'announcement', 'hearing', 'forum',
  'national', 'federal', 'state', 'municipal', 'regional', 'bilateral', 'trilateral', 'joint', 'public', 'private',
  'development', 'cooperation', 'partnership', 'alliance', 'network', 'coalition', 'association', 'federation', 'group', 'foundation',
  'infrastructure', 'bridge', 'railway', 'highway', 'port', 'airport', 'pipeline', 'corridor', 'crossing', 'terminal',
  'finance', 'bank', 'credit', 'budget', 'tax', 'revenue', 'debt', 'currency', 'peso', 'dollar',
  'human', 'rights', 'women', 'youth', 'indigenous', 'rural', 'urban', 'community', 'family', 'citizen',
  'environment', 'pollution', 'emissions', 'conservation', 'drought', 'flood', 'wildlife', 'ocean', 'coast', 'land',
  'manufacturing', 'automotive', 'steel', 'aluminum', 'textile', 'aerospace', 'electronics', 'semiconductor', 'chemical', 'pharmaceutical',
  'transparency', 'corruption', 'governance', 'democracy', 'accountability', 'oversight', 'audit', 'compliance', 'standards', 'regulation',
  'agreement', 'accord', 'treaty', 'dialogue', 'talks', 'mechanism', 'charter', 'compact', 'protocol', 'roadmap',
  'annual', 'quarterly', 'monthly', 'total', 'average', 'growth', 'volume', 'rate', 'share', 'index',
];

/**
 * Search probes. None is a prefix of a common word or of another probe, and each is at least 3
 * edits from every other word (the unit test checks both), so a search allowing 2 typos and
 * prefixes finds only the nodes it names.
 */
export const RARE_WORDS: readonly string[] = [
  'zyqvorn', 'kwazzlebit', 'jixthorp', 'vulqanex', 'fyzzquat', 'hozwickle', 'pyxolune', 'qabbrizt',
  'wumpkraal', 'zonkvexil', 'glorptine', 'yaxquomble', 'brixxelm', 'tuzzvarok', 'xeqlintar', 'djembrovik',
  'ikzzutho', 'mrovqualt', 'snazzerpik', 'ugvexxlor', 'oqtrizzan', 'lezzquiva', 'nyxborthe', 'cwazzimul',
];

/** Publishers of the synthetic sources. */
export const PUBLISHERS: readonly string[] = [
  'Northern Trade Institute', 'Border Research Council', 'Federal Statistics Bureau', 'Regional Development Bank',
  'Institute of Public Governance', 'Coastal Energy Commission', 'Joint Security Forum', 'Migration Data Office',
  'Pacific Commerce Association', 'Central Health Agency', 'National Science Foundation', 'Gulf Infrastructure Board',
];
