-- The database roles of compose.yaml's PostgreSQL. The postgres image runs this once, as its
-- superuser, when it initialises an empty data volume (/docker-entrypoint-initdb.d); for a
-- volume made before, see docs/operations.md ("Database roles"). psql script: it reads
-- TICKETS_OWNER_PASSWORD, TICKETS_APP_PASSWORD and TICKETS_DB (default: tickets).
--
--   tickets_owner  owns the database and everything in it: migrations and the admin commands
--                  run as it (compose's `migrate` service). Not a superuser.
--   tickets_app    what the app instances connect as: reads and writes rows and runs the
--                  order functions; cannot create, alter, drop or truncate anything, nor read
--                  other databases. A leaked app password, or an injection, cannot change the
--                  schema or grant itself more.
\set ON_ERROR_STOP on
\getenv owner_password TICKETS_OWNER_PASSWORD
\getenv app_password TICKETS_APP_PASSWORD
\getenv database TICKETS_DB
\if :{?database}
\else
  \set database tickets
\endif

SELECT format('CREATE ROLE tickets_owner LOGIN PASSWORD %L', :'owner_password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tickets_owner') \gexec
SELECT format('CREATE ROLE tickets_app LOGIN PASSWORD %L', :'app_password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tickets_app') \gexec
SELECT format('CREATE DATABASE %I OWNER tickets_owner', :'database')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
ALTER DATABASE :"database" OWNER TO tickets_owner;
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO tickets_app;

\connect :"database"
-- Only the owner creates in the schema.
ALTER SCHEMA public OWNER TO tickets_owner;
-- earthdistance (distances for "near me", migration 20261209100000_places) is not a trusted
-- extension: only a superuser may create it, so it is made here, once; the migration's
-- CREATE EXTENSION IF NOT EXISTS then finds it. cube, which it needs, is trusted.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO tickets_app;

-- Everything the owner creates from now on (every migration) the app may use as rows…
ALTER DEFAULT PRIVILEGES FOR ROLE tickets_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tickets_app;
ALTER DEFAULT PRIVILEGES FOR ROLE tickets_owner IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO tickets_app;
ALTER DEFAULT PRIVILEGES FOR ROLE tickets_owner IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO tickets_app;
-- …and so may it use what exists already (a database moved to these roles after migrating).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tickets_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO tickets_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO tickets_app;
