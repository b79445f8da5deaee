/** The Haechi thin JDBC driver: {@code jdbc:haechi://host:port/project} over Avatica's remote protocol. */
package io.haechi.jdbc;
