/**
 * The small {@code pg_catalog} and {@code information_schema} of the PostgreSQL-wire endpoint: relations and functions
 * that psql, psqlODBC, pgjdbc and psycopg2 query, evaluated by Calcite over the connected project's model tables.
 */
package io.haechi.server.pg.catalog;
