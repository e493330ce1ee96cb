#!/bin/bash
# Run once by the postgres image on an empty data directory: one user and one database per service
# (docs/conventions.md: incident_ingest, notification). Passwords come from the environment (deploy/compose/.env).
set -euo pipefail
: "${INGEST_DB_PASSWORD:?set INGEST_DB_PASSWORD in deploy/compose/.env}"
: "${NOTIFICATION_DB_PASSWORD:?set NOTIFICATION_DB_PASSWORD in deploy/compose/.env}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v ingest_password="$INGEST_DB_PASSWORD" -v notification_password="$NOTIFICATION_DB_PASSWORD" <<'SQL'
CREATE ROLE incident_ingest LOGIN PASSWORD :'ingest_password';
CREATE DATABASE incident_ingest OWNER incident_ingest;
CREATE ROLE notification LOGIN PASSWORD :'notification_password';
CREATE DATABASE notification OWNER notification;
SQL
