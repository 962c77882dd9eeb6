# usergraph: the esbuild bundle on Node 20, with production dependencies only, as a non-root user.
# Build: docker build -t usergraph .   Run: see docs/operations.md.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY scripts/build.ts ./scripts/
RUN npm run build

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-slim
# A young generation of 2 × 64 MiB instead of V8's 2 × 16 MiB: a wide list holds its upstream
# answers across several scavenges, and with a smaller one they were promoted and collected again
# as old objects (see docs/operations.md, "Memory and the garbage collector").
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=64 \
    PORT=4000 \
    USERGRAPH_MIGRATION_DIR=/app/.usergraph/migrations
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
RUN mkdir -p /app/.usergraph && chown node:node /app/.usergraph
USER node
EXPOSE 4000
# The slim image has no curl; Node's own fetch asks the liveness endpoint.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself: /ready turns 503, in-flight requests finish.
CMD ["node", "dist/main.js"]
