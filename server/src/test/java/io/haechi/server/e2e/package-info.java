/** End-to-end tests: builds on the in-process HBase read back through the storage SPI and checked against DuckDB. */
package io.haechi.server.e2e;
