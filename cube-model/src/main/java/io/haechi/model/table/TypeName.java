package io.haechi.model.table;

/** The column types Haechi understands, with the SQL spelling used in descriptors. */
public enum TypeName {
    BOOLEAN,
    SMALLINT,
    INT,
    BIGINT,
    DECIMAL,
    DOUBLE,
    CHAR,
    VARCHAR,
    DATE,
    TIMESTAMP;

    public boolean isInteger() {
        return this == SMALLINT || this == INT || this == BIGINT;
    }

    public boolean isNumeric() {
        return isInteger() || this == DECIMAL || this == DOUBLE;
    }

    public boolean isString() {
        return this == CHAR || this == VARCHAR;
    }

    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP;
    }
}
