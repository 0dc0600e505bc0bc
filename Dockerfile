# One image for every service and for the one-shot topic creation (docker-compose.yml). The
# services run from their TypeScript sources with @swc-node/register, as `npm start` runs them.
# Node 24, the current LTS (the workspace also runs on Node 20.19+ and 22).
FROM node:24-bookworm-slim

WORKDIR /app
COPY package.json package-lock.json ./
# npm ci refuses a lock file without the optional native packages of other platforms
# (npm/cli#4828); npm install then installs the versions the lock file names.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .

ARG SERVICE_NAME=organisation
ENV SERVICE_NAME=${SERVICE_NAME} \
    SWC_NODE_PROJECT=/app/tsconfig.base.json
# Generated data (each service's keys) is written by the node user; docker-compose.yml mounts
# other services' key volumes read-only under /srv/keys, created here so that a volume first
# mounted there is the node user's too.
RUN mkdir -p /app/.data/keys /srv/keys/gateway /srv/keys/organisation /srv/keys/reporting \
    && chown -R node:node /app/.data /srv/keys
USER node
CMD ["sh", "-c", "exec node --enable-source-maps -r @swc-node/register services/${SERVICE_NAME}/src/main.ts"]
