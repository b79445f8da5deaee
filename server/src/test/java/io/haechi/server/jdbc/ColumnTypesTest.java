package io.haechi.server.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.api.Test;

class ColumnTypesTest {
    @Test
    void typeNamesArePlain() {
        assertThat(ColumnTypes.typeName(Types.VARCHAR, "VARCHAR(20) NOT NULL")).isEqualTo("VARCHAR");
        assertThat(ColumnTypes.typeName(Types.DECIMAL, "DECIMAL(18, 2)")).isEqualTo("DECIMAL");
        assertThat(ColumnTypes.typeName(Types.INTEGER, "INTEGER NOT NULL")).isEqualTo("INTEGER");
        assertThat(ColumnTypes.typeName(Types.TIMESTAMP, "TIMESTAMP(3)")).isEqualTo("TIMESTAMP");
        assertThat(ColumnTypes.typeName(Types.OTHER, "GEOMETRY NOT NULL")).isEqualTo("GEOMETRY");
        assertThat(ColumnTypes.typeName(Types.ARRAY, "INTEGER ARRAY")).isEqualTo("INTEGER ARRAY");
    }

    @Test
    void sizesFollowJdbc() {
        assertThat(ColumnTypes.columnSize(Types.VARCHAR, 20)).isEqualTo(20);
        assertThat(ColumnTypes.columnSize(Types.VARCHAR, -1)).isEqualTo(ColumnTypes.UNBOUNDED_CHARS);
        assertThat(ColumnTypes.columnSize(Types.DECIMAL, 18)).isEqualTo(18);
        assertThat(ColumnTypes.columnSize(Types.INTEGER, -1)).isEqualTo(10);
        assertThat(ColumnTypes.columnSize(Types.BIGINT, null)).isEqualTo(19);
        assertThat(ColumnTypes.columnSize(Types.SMALLINT, -1)).isEqualTo(5);
        assertThat(ColumnTypes.columnSize(Types.DOUBLE, -1)).isEqualTo(15);
        assertThat(ColumnTypes.columnSize(Types.DATE, -1)).isEqualTo(10);
        assertThat(ColumnTypes.columnSize(Types.TIMESTAMP, 0)).isEqualTo(19);
        assertThat(ColumnTypes.columnSize(Types.TIMESTAMP, 3)).isEqualTo(23);
        assertThat(ColumnTypes.columnSize(Types.BOOLEAN, -1)).isEqualTo(1);
        assertThat(ColumnTypes.columnSize(Types.OTHER, -1)).isNull();
    }

    @Test
    void decimalDigitsFollowJdbc() {
        assertThat(ColumnTypes.decimalDigits(Types.DECIMAL, 18, 2)).isEqualTo(2);
        assertThat(ColumnTypes.decimalDigits(Types.INTEGER, -1, null)).isZero();
        assertThat(ColumnTypes.decimalDigits(Types.TIMESTAMP, 3, null)).isEqualTo(3);
        assertThat(ColumnTypes.decimalDigits(Types.VARCHAR, 20, null)).isNull();
        assertThat(ColumnTypes.decimalDigits(Types.DOUBLE, -1, null)).isNull();
    }
}
