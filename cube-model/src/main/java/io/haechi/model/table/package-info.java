/** Source tables: column types, columns, table descriptors. */
package io.haechi.model.table;
