# syntax=docker/dockerfile:1
# usmx-graph API image. Build stage: the README's `npm ci`, then `npm run build` (what
# `npm start` runs first). Runtime stage: production dependencies only, non-root, then the
# compiled `npm run seed` and `npm start` steps (test/docs/docker.test.ts keeps them in step).
# Both stages run the current Node.js LTS line (the one CI tests on: CI_NODE_MAJOR in
# .ci/node-lts.sh), Debian 13 slim.

FROM node:26-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci's postinstall applies patches/ to the dependencies (patch-package).
COPY patches ./patches
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The pages (/explore, /graphiql) are built from web/ with their types from the committed SDL.
COPY schema ./schema
COPY web ./web
RUN npm run build

FROM node:26-trixie-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Without install scripts: no production dependency's is allowed (package.json allowScripts), and
# the postinstall's patch-package is a dev tool. The patched packages come from the build stage.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/node_modules/type-graphql ./node_modules/type-graphql
COPY --from=build /app/node_modules/class-validator ./node_modules/class-validator
COPY --from=build /app/node_modules/@apollo/server ./node_modules/@apollo/server
COPY --from=build /app/dist ./dist
COPY seeds ./seeds
COPY cypher ./cypher
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Seed Neo4j idempotently (a no-op when it already holds this dataset's graph), then serve.
CMD ["sh", "-c", "node dist/seed-db.js && node dist/main.js"]
