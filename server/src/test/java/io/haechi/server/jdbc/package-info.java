/** Tests of the JDBC endpoint, from a separate JVM that has only the shaded driver jar. */
package io.haechi.server.jdbc;
