// The offline query editor: the official GraphiQL, bundled at build time (editor workers
// included), talking to this server's /graphql only. It reads the schema from the committed SDL
// built in, not by introspection: the standard introspection query is over the default cost
// limit, and production turns introspection off.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { buildSchema } from 'graphql';
import sdl from '../../schema/schema.graphql?raw';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

/** Plain JSON POSTs to this server (Apollo's CSRF prevention accepts `application/json`). */
const fetcher: GraphiQLProps['fetcher'] = async (params) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
};

const defaultQuery = `# usmx-graph: every fact cites its source and slide.
query SearchMerida {
  search(query: "Merida", first: 3) {
    score
    entity { id name kind }
    matches { field snippet }
  }
}
`;

const root = document.getElementById('graphiql');
if (!root) throw new Error('GraphiQL: the page has no #graphiql element');
createRoot(root).render(createElement(GraphiQL, { fetcher, defaultQuery, schema: buildSchema(sdl) }));
