package io.haechi.query.exec;

import static java.util.Objects.requireNonNull;

import io.haechi.model.table.DataType;
import java.util.List;

/** A dimension column a cube scan reads: stored in the row key, or derived from a lookup through stored hosts. */
public sealed interface ScanColumn {
    DataType type();

    String name();

    /**
     * A row-key dimension.
     *
     * @param position its row-key position
     */
    record Stored(String name, int position, DataType type) implements ScanColumn {
        public Stored {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A lookup column read through the lookup's snapshot: the row whose primary key equals the host dimensions'
     * values (Kylin's derived dimension). A host value with no lookup row gives NULL, as the model's LEFT join does.
     *
     * @param table the lookup table
     * @param primaryKey the lookup's key columns, paired with {@code hostPositions}
     * @param column the lookup column
     * @param hostPositions row-key positions of the foreign-key dimensions
     */
    record Derived(String name, String table, List<String> primaryKey, String column, List<Integer> hostPositions,
            DataType type) implements ScanColumn {
        public Derived {
            requireNonNull(name, "name is null");
            requireNonNull(table, "table is null");
            primaryKey = List.copyOf(primaryKey);
            requireNonNull(column, "column is null");
            hostPositions = List.copyOf(hostPositions);
            requireNonNull(type, "type is null");
        }

        @Override
        public String toString() {
            return name + "(derived from " + hostPositions + ")";
        }
    }
}
