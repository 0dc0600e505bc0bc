-- Run once by the postgres image on an empty data volume (docker-compose.yml): one database per
-- service that owns one. infra/docker-compose.spec.ts checks this list against infra/services.ts.
CREATE DATABASE taizhang_gateway;
CREATE DATABASE taizhang_organisation;
CREATE DATABASE taizhang_rights;
CREATE DATABASE taizhang_reporting;
