/** What every SQL endpoint shares: the engine's connection SPI, SQLState mapping and pre-parse limits. */
package io.haechi.server.sql;
