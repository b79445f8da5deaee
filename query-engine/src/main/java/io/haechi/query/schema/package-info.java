/** The Calcite side of a project: its tables and columns as the analyst knows them, types, raw-table access. */
package io.haechi.query.schema;
