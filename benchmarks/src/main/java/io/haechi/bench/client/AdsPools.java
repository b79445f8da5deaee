package io.haechi.bench.client;

import io.haechi.bench.queries.AdsQueries;
import io.haechi.bench.queries.BenchQuery;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the ad queries draw their literals from: the busiest advertisers and campaigns of the generated events and
 * the generated days, read once from DuckDB and handed to the JMH forks as the system property
 * {@value #PROPERTY} ({@link #encode()}), so that every process asks the same questions.
 *
 * @param advertisers busiest first
 * @param campaigns busiest first
 * @param first the first day with events
 * @param days the days with events
 * @param minImpressions query 3's floor: 10,000 at scale 1, scaled with the events per day
 */
public record AdsPools(List<Integer> advertisers, List<Integer> campaigns, LocalDate first, int days,
        long minImpressions) {
    public static final String PROPERTY = "bench.ads.pools";
    /** The pool sizes: the head of the Zipf distributions, where dashboards look. */
    static final int POOL = 100;

    public AdsPools {
        advertisers = List.copyOf(advertisers);
        campaigns = List.copyOf(campaigns);
    }

    public List<BenchQuery> queries() {
        return AdsQueries.all(advertisers, campaigns, first, days, minImpressions);
    }

    public static AdsPools read(Connection duck) throws SQLException {
        try (Statement st = duck.createStatement()) {
            List<Integer> adv = ints(st, "select advertiser_id from ad_event group by 1 "
                    + "order by sum(impressions) desc, 1 limit " + POOL);
            List<Integer> cmp = ints(st, "select campaign_id from ad_event group by 1 "
                    + "order by sum(impressions) desc, 1 limit " + POOL);
            try (ResultSet rs = st.executeQuery("select min(event_date), max(event_date), count(*) from ad_event")) {
                rs.next();
                LocalDate first = rs.getDate(1).toLocalDate();
                int days = (int) (rs.getDate(2).toLocalDate().toEpochDay() - first.toEpochDay()) + 1;
                // 10,000 impressions at ADSF1 (214k events a day), proportionally less on smaller data.
                long floor = Math.max(10, Math.round(10_000.0 * rs.getLong(3) / days / 214_000));
                return new AdsPools(adv, cmp, first, days, floor);
            }
        }
    }

    private static List<Integer> ints(Statement st, String sql) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    public String encode() {
        return join(advertisers) + ";" + join(campaigns) + ";" + first + ";" + days + ";" + minImpressions;
    }

    public static AdsPools decode(String s) {
        String[] p = s.split(";");
        if (p.length != 5) {
            throw new IllegalArgumentException(PROPERTY + " must have 5 ';'-separated parts, got: " + s);
        }
        return new AdsPools(split(p[0]), split(p[1]), LocalDate.parse(p[2]), Integer.parseInt(p[3]),
                Long.parseLong(p[4]));
    }

    public static AdsPools fromSystemProperties() {
        String s = System.getProperty(PROPERTY);
        if (s == null) {
            throw new IllegalStateException("system property " + PROPERTY + " is not set (the client main sets it)");
        }
        return decode(s);
    }

    private static String join(List<Integer> xs) {
        return String.join(",", xs.stream().map(String::valueOf).toList());
    }

    private static List<Integer> split(String s) {
        return Arrays.stream(s.split(",")).map(Integer::valueOf).toList();
    }
}
