/** The JDBC endpoint: Avatica's HTTP/protobuf server over the engine's per-project connections. */
package io.haechi.server.jdbc;
