/**
 * The PostgreSQL wire-protocol (3.0) endpoint on Netty: framing, sessions with the simple and extended query
 * protocols, authentication against the users file, cancel requests, and the dialect translation that lets the
 * clients' own SQL run on the engine or on the session's {@code pg_catalog}.
 */
package io.haechi.server.pg;
