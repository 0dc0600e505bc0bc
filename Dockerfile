# One image for every service, in two stages: `build` installs every package and compiles the
# services into dist/ (scripts/build.mjs, as npm start does); the final stage holds only dist/ and
# the production packages and runs `node dist/services/<name>/src/main.js`, nothing compiled at
# start-up. The one-shot steps of docker-compose.yml (topics, seed) are tools run from their
# TypeScript with scripts/run-ts.mjs: they use the `build` stage (target: build).
# Node 24, the current LTS (the workspace also runs on Node 20.19+ and 22).
FROM node:24-bookworm-slim AS build

WORKDIR /app
COPY package.json package-lock.json ./
# npm ci refuses a lock file without the optional native packages of other platforms
# (npm/cli#4828); npm install then installs the versions the lock file names.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs --force
ENV SWC_NODE_PROJECT=/app/tsconfig.base.json
RUN mkdir -p /app/.data && chown -R node:node /app/.data
USER node

# The production packages only, for the final stage.
FROM build AS production-packages
USER root
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim

WORKDIR /app
COPY --from=production-packages /app/package.json ./
COPY --from=production-packages /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

ARG SERVICE_NAME=organisation
ENV SERVICE_NAME=${SERVICE_NAME}
# Generated data (each service's keys) is written by the node user; docker-compose.yml mounts
# other services' key volumes read-only under /srv/keys, created here so that a volume first
# mounted there is the node user's too.
RUN mkdir -p /app/.data/keys /srv/keys/gateway /srv/keys/organisation /srv/keys/rights /srv/keys/reporting \
    && chown -R node:node /app/.data /srv/keys
USER node
CMD ["sh", "-c", "exec node dist/services/${SERVICE_NAME}/src/main.js"]
