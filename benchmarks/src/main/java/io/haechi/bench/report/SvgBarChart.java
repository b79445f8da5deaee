package io.haechi.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart as SVG: one group per category (query), one bar per series (engine) at its p50, a whisker up
 * to its p99, a linear millisecond axis with round ticks and a legend. Values that are missing (NaN) leave a gap.
 */
public final class SvgBarChart {
    static final String[] COLORS = {"#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"};
    static final int HEIGHT = 360;
    static final int TOP = 40;
    static final int BOTTOM = 60;
    static final int LEFT = 60;
    static final int GROUP_WIDTH = 64;

    private SvgBarChart() {
    }

    /**
     * @param title the chart title
     * @param categories the groups, left to right
     * @param series the series names (legend), in bar order
     * @param p50 {@code p50[series][category]} in ms
     * @param p99 {@code p99[series][category]} in ms
     */
    public static String render(String title, List<String> categories, List<String> series, double[][] p50,
            double[][] p99) {
        if (p50.length != series.size() || p99.length != series.size()) {
            throw new IllegalArgumentException("one row of values per series expected");
        }
        double max = 0;
        for (int s = 0; s < series.size(); s++) {
            if (p50[s].length != categories.size() || p99[s].length != categories.size()) {
                throw new IllegalArgumentException("one value per category expected in series " + series.get(s));
            }
            for (int c = 0; c < categories.size(); c++) {
                max = Math.max(max, finite(p99[s][c]) ? p99[s][c] : finite(p50[s][c]) ? p50[s][c] : 0);
            }
        }
        double step = tickStep(max);
        double top = Math.max(step, Math.ceil(max / step) * step);
        int width = LEFT + categories.size() * GROUP_WIDTH + 20;
        int plot = HEIGHT - TOP - BOTTOM;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, HEIGHT, width,
                HEIGHT));
        b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, HEIGHT));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        for (double t = 0; t <= top + step / 2; t += step) {
            double y = TOP + plot - t / top * plot;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, width - 20, y));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6,
                    y + 4, LatencyTable.ms(t).replaceAll("\\.0+$", "")));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" "
                + "text-anchor=\"middle\">ms (bar p50, whisker p99)</text>%n", TOP + plot / 2, TOP + plot / 2));
        int n = series.size();
        double barWidth = (GROUP_WIDTH - 12.0) / n;
        for (int c = 0; c < categories.size(); c++) {
            double x0 = LEFT + c * GROUP_WIDTH + 6;
            for (int s = 0; s < n; s++) {
                double v = p50[s][c];
                if (!finite(v)) {
                    continue;
                }
                double h = v / top * plot;
                double x = x0 + s * barWidth;
                b.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                        + "height=\"%.1f\" fill=\"%s\"><title>%s %s: p50 %s ms, p99 %s ms</title></rect>%n", x,
                        TOP + plot - h, barWidth - 1, h, COLORS[s % COLORS.length], escape(categories.get(c)),
                        escape(series.get(s)), LatencyTable.ms(v), LatencyTable.ms(p99[s][c])));
                if (finite(p99[s][c]) && p99[s][c] > v) {
                    double xm = x + (barWidth - 1) / 2;
                    double y99 = TOP + plot - p99[s][c] / top * plot;
                    b.append(String.format(Locale.ROOT, "<line class=\"p99\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                            + "y2=\"%.1f\" stroke=\"black\"/>%n", xm, TOP + plot - h, xm, y99));
                }
            }
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x0 + (GROUP_WIDTH - 12) / 2.0, TOP + plot + 16, escape(categories.get(c))));
        }
        for (int s = 0; s < n; s++) {
            int x = LEFT + s * 150;
            int y = HEIGHT - 18;
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y - 10, COLORS[s % COLORS.length], x + 16, y,
                    escape(series.get(s))));
        }
        return b.append("</svg>\n").toString();
    }

    private static boolean finite(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v);
    }

    /** 1, 2 or 5 times a power of ten, giving 4 to 10 ticks up to {@code max}. */
    static double tickStep(double max) {
        if (max <= 0) {
            return 1;
        }
        double raw = max / 5;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * pow >= raw) {
                return m * pow;
            }
        }
        return 10 * pow;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
