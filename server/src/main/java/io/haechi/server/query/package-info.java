/** The query engine wired to the server's store, catalog and source readers. */
package io.haechi.server.query;
