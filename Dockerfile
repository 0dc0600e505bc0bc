# One image for every service and for the one-shot topic creation (docker-compose.yml). The
# services run from their TypeScript sources with @swc-node/register, as `npm start` runs them.
FROM node:20-bookworm-slim

WORKDIR /app
COPY package.json package-lock.json ./
# npm ci refuses a lock file without the optional native packages of other platforms
# (npm/cli#4828); npm install then installs the versions the lock file names.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .

ARG SERVICE_NAME=organisation
ENV SERVICE_NAME=${SERVICE_NAME} \
    SWC_NODE_PROJECT=/app/tsconfig.base.json
# Generated data (the gateway's signing keys) is written by the node user.
RUN mkdir -p /app/.data/keys && chown -R node:node /app/.data
USER node
CMD ["sh", "-c", "exec node --enable-source-maps -r @swc-node/register services/${SERVICE_NAME}/src/main.ts"]
