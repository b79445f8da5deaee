package io.haechi.server.e2e;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Result rows rendered for comparison across engines: numbers to 9 significant digits, dates as ISO text. */
final class Rows {
    private Rows() {
    }

    static List<String> read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.add(render(rs.getObject(i)));
            }
            out.add(String.join(" | ", row));
        }
        return out;
    }

    static String render(Object v) {
        if (v == null) {
            return "NULL";
        }
        if ((v instanceof Double d && (d.isNaN() || d.isInfinite()))
                || (v instanceof Float f && (f.isNaN() || f.isInfinite()))) {
            return v.toString();
        }
        if (v instanceof Number n) {
            BigDecimal d = (v instanceof BigDecimal b ? b : new BigDecimal(n.toString())).stripTrailingZeros();
            if (d.scale() <= 0) {
                return d.toPlainString();
            }
            return d.round(new MathContext(9)).stripTrailingZeros().toPlainString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.time.LocalDate d) {
            return d.toString();
        }
        return v.toString();
    }
}
