/** The server-side Calcite driver: connections over a project schema, statements prepared with the cube pre-pass. */
package io.haechi.query.jdbc;
