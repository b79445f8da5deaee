package io.haechi.server.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Prints a result set as an aligned text table (numbers right-aligned), with the row count. */
final class ResultTable {
    private ResultTable() {
    }

    static int print(ResultSet rs, PrintWriter out, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String[]> rows = new ArrayList<>();
        boolean[] numeric = new boolean[n];
        int[] width = new int[n];
        String[] header = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = md.getColumnLabel(i + 1);
            width[i] = header[i].length();
        }
        int total = 0;
        while (rs.next()) {
            total++;
            if (rows.size() >= maxRows) {
                continue;
            }
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = rs.getObject(i + 1);
                numeric[i] |= v instanceof Number;
                row[i] = v == null ? "NULL" : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
                width[i] = Math.max(width[i], row[i].length());
            }
            rows.add(row);
        }
        line(out, header, width, new boolean[n]);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        out.println(rule);
        for (String[] row : rows) {
            line(out, row, width, numeric);
        }
        out.println("(" + total + (total == 1 ? " row" : " rows")
                + (total > rows.size() ? ", first " + rows.size() + " shown" : "") + ")");
        return total;
    }

    private static void line(PrintWriter out, String[] cells, int[] width, boolean[] right) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            b.append(i == 0 ? "" : " | ");
            String pad = " ".repeat(width[i] - cells[i].length());
            b.append(right[i] ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
        }
        out.println(b);
    }
}
