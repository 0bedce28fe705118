# syntax=docker/dockerfile:1
# Hallway in a container: build the bundle, then run it as a non-root user on a read-only root filesystem.
# Build: docker build -t hallway .
# Run:   docker run --rm -p 8080:8080 --env-file .env -e HALLWAY_HTTP_PORT=8080 -v hallway-var:/app/var --read-only
#          --tmpfs /tmp hallway   (-e because a .env copied from .env.example sets the port empty)

# Production dependencies, compiled here on the same base image as the runtime: better-sqlite3 is a native module,
# and when no prebuilt binary fits it compiles with node-gyp, which needs python3, make and g++ (kept out of the
# runtime image).
FROM node:24-slim AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

# The bundle: every dependency (esbuild is a dev dependency), then `npm run build` writes dist/. The bundle then
# prebuilds the embedded data's index snapshot beside it, so every new replica starts from it with an empty cache.
FROM deps AS build
RUN npm ci
COPY tsconfig.json ./
COPY adapters ./adapters
COPY src ./src
RUN npm run build
COPY data ./data
RUN node dist/cli/main.js snapshot
# One question answered at build time writes V8's code cache beside the bundle (dist/main.cjs.code-cache), with
# the runtime's Node: each replica then starts without compiling it. The runtime's root filesystem is read-only.
RUN printf 'what is on now?\n' | HALLWAY_NO_DOTENV=1 node dist/main.js > /dev/null

FROM node:24-slim AS runtime
# HALLWAY_HTTP_PORT serves /healthz and /metrics. Everything Hallway writes lives under /app/var, a volume:
# the source cache and change reports, and the daily digest's SQLite database.
ENV NODE_ENV=production \
  HALLWAY_HTTP_PORT=8080 \
  HALLWAY_CACHE_DIR=/app/var/cache \
  HALLWAY_DB_PATH=/app/var/hallway.db
WORKDIR /app
# The code stays owned by root, so the bot cannot change it even where the root filesystem is writable.
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY data ./data
COPY --from=build /app/data/kubecon-eu-2026.snapshot ./data/
RUN mkdir -p /app/var/cache && chown -R 1000:1000 /app/var
# The image's `node` user, by number so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
VOLUME ["/app/var"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HALLWAY_HTTP_PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# Node directly, not `npm start`: the signals reach Hallway itself, and the bundle is already built.
CMD ["node", "dist/main.js"]
