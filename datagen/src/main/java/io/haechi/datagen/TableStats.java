package io.haechi.datagen;

import io.haechi.model.Names;

/**
 * What a generator wrote for one table.
 *
 * @param table the table name
 * @param rows rows written
 * @param bytes bytes on disk, summed over the table's files
 * @param files the number of files
 */
public record TableStats(String table, long rows, long bytes, int files) {
    public TableStats {
        Names.checkIdentifier(table, "table");
        if (rows < 0 || bytes < 0 || files < 0) {
            throw new IllegalArgumentException("rows, bytes and files must be >= 0 for table " + table);
        }
    }
}
