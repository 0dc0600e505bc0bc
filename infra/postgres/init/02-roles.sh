#!/bin/bash
# Run once by the postgres image on an empty data volume, after 01-databases.sql: a login role
# per service, with the password from <SERVICE>_DB_PASSWORD, owning its own database only.
# infra/docker-compose.spec.ts checks this list against infra/services.ts.
set -euo pipefail

for service in gateway organisation rights reporting; do
  variable="$(echo "$service" | tr 'a-z-' 'A-Z_')_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$service" -v password="${!variable}" -v database="taizhang_${service//-/_}" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
ALTER DATABASE :"database" OWNER TO :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"database" TO :"role";
SQL
done
