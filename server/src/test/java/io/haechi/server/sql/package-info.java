/** Tests of the SQLState mapping and the pre-parse statement limits. */
package io.haechi.server.sql;
