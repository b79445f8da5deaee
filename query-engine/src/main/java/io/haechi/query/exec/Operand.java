package io.haechi.query.exec;

import io.haechi.model.dict.Values;
import io.haechi.model.table.DataType;
import java.util.List;

/** The right-hand side of a comparison: a literal (canonical value) or a statement parameter bound at execution. */
public sealed interface Operand {
    /** The canonical value; parameters are read from {@code params} and coerced to {@code type}. */
    Object value(List<Object> params, DataType type);

    /** A literal already coerced to the column's type ({@code null} for NULL). */
    record Literal(Object value) implements Operand {
        @Override
        public Object value(List<Object> params, DataType type) {
            return value;
        }

        @Override
        public String toString() {
            return value instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(value);
        }
    }

    /** The statement's {@code index}-th {@code ?} (0-based). */
    record Param(int index) implements Operand {
        @Override
        public Object value(List<Object> params, DataType type) {
            if (index >= params.size()) {
                throw new io.haechi.model.error.HaechiException(io.haechi.model.error.ErrorCode.INVALID_ARGUMENT,
                        "parameter " + (index + 1) + " is not set");
            }
            Object raw = params.get(index);
            if (raw instanceof java.sql.Date d) {
                raw = d.toLocalDate();
            } else if (raw instanceof java.sql.Timestamp t) {
                raw = t.toLocalDateTime();
            } else if (raw instanceof java.util.Calendar c) {
                raw = c.toInstant();
            } else if (raw instanceof Integer days && type.name() == io.haechi.model.table.TypeName.DATE) {
                raw = java.time.LocalDate.ofEpochDay(days);
            }
            return raw == null ? null : Values.coerce(raw, type, "parameter " + (index + 1));
        }

        @Override
        public String toString() {
            return "?" + index;
        }
    }
}
