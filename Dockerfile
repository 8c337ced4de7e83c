# syntax=docker/dockerfile:1.7
# Production image of Local Tickets: Next.js standalone output on a slim Node, non-root.
#   docker build -t local-tickets .                 → the app (target "runner", the default)
#   docker build -t local-tickets-tools --target tools .   → migrations, backups (full tree)
# Builds with NEXT_OUTPUT=standalone (next.config.mjs then sets output: "standalone"). The database is never embedded here:
# DATABASE_URL points at PostgreSQL 13+ (compose.yaml runs PostgreSQL 18), and it is never seeded.
# The runner refuses to start without AUTH_SECRET, JOBS_SECRET (distinct), TICKET_SIGNING_KEY
# and Stripe keys (or UNSAFE_TEST_PAYMENTS=true for a demo): README, "Deploying".
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- dependencies (cached until package*.json or the Prisma schema change) ------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# postinstall runs `prisma generate` (client into lib/generated/prisma).
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# ---- build ------------------------------------------------------------------------------
FROM deps AS build
COPY . .
RUN NEXT_OUTPUT=standalone npm run build && rm -rf .next/cache

# ---- tools: the full tree, for one-off jobs (migrate, backup, restore, create-admin) ---
FROM build AS tools
RUN groupadd --system --gid 1001 app && useradd --system --uid 1001 --gid app --home /app app \
 && mkdir -p /app/.data && chown -R app:app /app/.data
USER app
CMD ["node", "--import", "tsx", "scripts/db-migrate.ts"]

# ---- runner: only what `node server.js` needs ----------------------------------------
FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    STORAGE_DIR=/data/storage
RUN groupadd --system --gid 1001 app && useradd --system --uid 1001 --gid app --no-create-home app \
 && mkdir -p /data/storage && chown app:app /data/storage
COPY --from=build --chown=app:app /app/.next/standalone ./
COPY --from=build --chown=app:app /app/.next/static ./.next/static
COPY --from=build --chown=app:app /app/public ./public
# /api/ready compares these with the database's applied migrations.
COPY --from=build --chown=app:app /app/prisma/migrations ./prisma/migrations
# The queue worker of compose.yaml (calls POST /api/jobs/run on a timer).
COPY --from=build --chown=app:app /app/scripts/queue-worker.mjs ./scripts/queue-worker.mjs
USER app
EXPOSE 3000
# Liveness only; readiness (/api/ready) is for the load balancer.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Next's server handles SIGTERM itself: it stops accepting connections, finishes the
# requests in flight (and their after() work), then exits. Give it a stop grace period
# longer than the longest request (the job drain: 60 s).
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
