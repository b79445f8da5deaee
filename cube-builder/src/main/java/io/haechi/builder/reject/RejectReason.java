package io.haechi.builder.reject;

/**
 * Why an input row (or a corrupt block of rows) was left out of a build. Source readers use the first group,
 * the flat-table join and the dimension/measure stage the second; both report into the same {@link RejectCollector}.
 */
public enum RejectReason {
    /** An Avro block (or file header) could not be decoded; its declared rows are counted where readable. */
    CORRUPT_BLOCK("corrupt block"),
    /** A CSV record that cannot be split into fields (a stray or unterminated quote). */
    UNPARSABLE_LINE("unparsable line"),
    /** A CSV record with more or fewer fields than the table has columns. */
    WRONG_COLUMN_COUNT("wrong column count"),
    /** A value that cannot be read as the column's type. */
    WRONG_TYPE("value of the wrong type"),
    /** A value of the right kind that does not fit the column (too large, too long, too many digits). */
    VALUE_OUT_OF_RANGE("value out of range"),
    /** NULL in a column declared NOT NULL. */
    NULL_IN_NOT_NULL_COLUMN("NULL in a NOT NULL column"),
    /** A row whose partition value lies outside the date range of its Hive-style partition directory. */
    PARTITION_MISMATCH("row outside its partition directory"),
    /** A row with NULL in the partition column while building a range: it belongs to no segment. */
    NULL_PARTITION_VALUE("NULL partition value"),
    /** A fact row whose foreign key has no lookup row on an INNER join. */
    UNKNOWN_FOREIGN_KEY("unknown foreign key"),
    /** NULL in a column used as a dimension that cannot take NULL. */
    NULL_DIMENSION("NULL dimension"),
    /** NULL in a column a measure cannot take NULL from. */
    NULL_MEASURE("NULL measure");

    private final String description;

    RejectReason(String description) {
        this.description = description;
    }

    /** A short human phrase for reports. */
    public String description() {
        return description;
    }
}
