package io.haechi.bench.queries;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The 13 SSB queries in the paper's form (O'Neil et al., rev. 3; ssb.md section 1.3: comma joins, {@code p_brand1},
 * SUM over expressions, Q1.3 with quantity 36..40, Q2.3 with 'MFGR#2239'), every literal a parameter. Draws stay in
 * the generator's domains (ssb.md section 1.1), so a random set asks a question of the same shape and size.
 */
public final class SsbQueries {
    static final List<String> REGIONS = List.of("AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST");
    static final List<String> NATIONS = List.of("ALGERIA", "ARGENTINA", "BRAZIL", "CANADA", "EGYPT", "ETHIOPIA",
            "FRANCE", "GERMANY", "INDIA", "INDONESIA", "IRAN", "IRAQ", "JAPAN", "JORDAN", "KENYA", "MOROCCO",
            "MOZAMBIQUE", "PERU", "CHINA", "ROMANIA", "SAUDI ARABIA", "VIETNAM", "RUSSIA", "UNITED KINGDOM",
            "UNITED STATES");
    static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec");

    private SsbQueries() {
    }

    private static final String Q1 = "select sum(lo_extendedprice * lo_discount) as revenue from lineorder, dates "
            + "where lo_orderdate = d_datekey and ";
    private static final String Q2 = "select sum(lo_revenue), d_year, p_brand1 from lineorder, dates, part, supplier "
            + "where lo_orderdate = d_datekey and lo_partkey = p_partkey and lo_suppkey = s_suppkey and ";
    private static final String Q2_END = " group by d_year, p_brand1 order by d_year, p_brand1";
    private static final String Q3_CITY = "select c_city, s_city, d_year, sum(lo_revenue) as revenue "
            + "from customer, lineorder, supplier, dates where lo_custkey = c_custkey and lo_suppkey = s_suppkey "
            + "and lo_orderdate = d_datekey and ";
    private static final String Q3_END = " group by c_city, s_city, d_year order by d_year asc, revenue desc";
    private static final String Q4_FROM = " from dates, customer, supplier, part, lineorder where lo_custkey = "
            + "c_custkey and lo_suppkey = s_suppkey and lo_partkey = p_partkey and lo_orderdate = d_datekey and ";

    /** The 13 queries, Q1.1 to Q4.3. */
    public static List<BenchQuery> all() {
        return List.of(
                new BenchQuery("Q1.1", Q1 + "d_year = ? and lo_discount between ? and ? and lo_quantity < ?",
                        List.of(1993, 1, 3, 25), r -> {
                            int d = r.nextInt(0, 9);
                            return List.of(year(r), d, d + 2, r.nextInt(20, 31));
                        }),
                new BenchQuery("Q1.2", Q1 + "d_yearmonthnum = ? and lo_discount between ? and ? "
                        + "and lo_quantity between ? and ?", List.of(199401, 4, 6, 26, 35), r -> {
                            int d = r.nextInt(0, 9);
                            int q = r.nextInt(1, 42);
                            return List.of(year(r) * 100 + r.nextInt(1, 13), d, d + 2, q, q + 9);
                        }),
                new BenchQuery("Q1.3", Q1 + "d_weeknuminyear = ? and d_year = ? and lo_discount between ? and ? "
                        + "and lo_quantity between ? and ?", List.of(6, 1994, 5, 7, 36, 40), r -> {
                            int d = r.nextInt(0, 9);
                            int q = r.nextInt(1, 47);
                            return List.of(r.nextInt(1, 53), r.nextInt(1992, 1998), d, d + 2, q, q + 4);
                        }),
                new BenchQuery("Q2.1", Q2 + "p_category = ? and s_region = ?" + Q2_END,
                        List.of("MFGR#12", "AMERICA"), r -> List.of(category(r), pick(r, REGIONS))),
                new BenchQuery("Q2.2", Q2 + "p_brand1 between ? and ? and s_region = ?" + Q2_END,
                        List.of("MFGR#2221", "MFGR#2228", "ASIA"), r -> {
                            String c = category(r);
                            int b = r.nextInt(10, 34);
                            return List.of(c + b, c + (b + 7), pick(r, REGIONS));
                        }),
                new BenchQuery("Q2.3", Q2 + "p_brand1 = ? and s_region = ?" + Q2_END,
                        List.of("MFGR#2239", "EUROPE"), r -> List.of(category(r) + r.nextInt(1, 41),
                                pick(r, REGIONS))),
                new BenchQuery("Q3.1", "select c_nation, s_nation, d_year, sum(lo_revenue) as revenue "
                        + "from customer, lineorder, supplier, dates where lo_custkey = c_custkey "
                        + "and lo_suppkey = s_suppkey and lo_orderdate = d_datekey and c_region = ? and s_region = ? "
                        + "and d_year >= ? and d_year <= ? group by c_nation, s_nation, d_year "
                        + "order by d_year asc, revenue desc", List.of("ASIA", "ASIA", 1992, 1997), r -> {
                            String region = pick(r, REGIONS);
                            int from = r.nextInt(1992, 1995);
                            return List.of(region, region, from, from + 5);
                        }),
                new BenchQuery("Q3.2", Q3_CITY + "c_nation = ? and s_nation = ? and d_year >= ? and d_year <= ?"
                        + Q3_END, List.of("UNITED STATES", "UNITED STATES", 1992, 1997), r -> {
                            String nation = pick(r, NATIONS);
                            int from = r.nextInt(1992, 1995);
                            return List.of(nation, nation, from, from + 5);
                        }),
                new BenchQuery("Q3.3", Q3_CITY + "(c_city = ? or c_city = ?) and (s_city = ? or s_city = ?) "
                        + "and d_year >= ? and d_year <= ?" + Q3_END,
                        List.of("UNITED KI1", "UNITED KI5", "UNITED KI1", "UNITED KI5", 1992, 1997), r -> {
                            String[] c = twoCities(r);
                            int from = r.nextInt(1992, 1995);
                            return List.of(c[0], c[1], c[0], c[1], from, from + 5);
                        }),
                new BenchQuery("Q3.4", Q3_CITY + "(c_city = ? or c_city = ?) and (s_city = ? or s_city = ?) "
                        + "and d_yearmonth = ?" + Q3_END,
                        List.of("UNITED KI1", "UNITED KI5", "UNITED KI1", "UNITED KI5", "Dec1997"), r -> {
                            String[] c = twoCities(r);
                            return List.of(c[0], c[1], c[0], c[1], pick(r, MONTHS) + r.nextInt(1992, 1998));
                        }),
                new BenchQuery("Q4.1", "select d_year, c_nation, sum(lo_revenue - lo_supplycost) as profit" + Q4_FROM
                        + "c_region = ? and s_region = ? and (p_mfgr = ? or p_mfgr = ?) group by d_year, c_nation "
                        + "order by d_year, c_nation", List.of("AMERICA", "AMERICA", "MFGR#1", "MFGR#2"), r -> {
                            String region = pick(r, REGIONS);
                            int m = r.nextInt(1, 5);
                            return List.of(region, region, "MFGR#" + m, "MFGR#" + (m + 1));
                        }),
                new BenchQuery("Q4.2", "select d_year, s_nation, p_category, sum(lo_revenue - lo_supplycost) "
                        + "as profit" + Q4_FROM + "c_region = ? and s_region = ? and (d_year = ? or d_year = ?) "
                        + "and (p_mfgr = ? or p_mfgr = ?) group by d_year, s_nation, p_category "
                        + "order by d_year, s_nation, p_category",
                        List.of("AMERICA", "AMERICA", 1997, 1998, "MFGR#1", "MFGR#2"), r -> {
                            String region = pick(r, REGIONS);
                            int y = r.nextInt(1992, 1998);
                            int m = r.nextInt(1, 5);
                            return List.of(region, region, y, y + 1, "MFGR#" + m, "MFGR#" + (m + 1));
                        }),
                new BenchQuery("Q4.3", "select d_year, s_city, p_brand1, sum(lo_revenue - lo_supplycost) as profit"
                        + Q4_FROM + "c_region = ? and s_nation = ? and (d_year = ? or d_year = ?) and p_category = ? "
                        + "group by d_year, s_city, p_brand1 order by d_year, s_city, p_brand1",
                        List.of("AMERICA", "UNITED STATES", 1997, 1998, "MFGR#14"), r -> {
                            int y = r.nextInt(1992, 1998);
                            return List.of(pick(r, REGIONS), pick(r, NATIONS), y, y + 1, category(r));
                        }));
    }

    private static int year(SplittableRandom r) {
        return r.nextInt(1992, 1999);
    }

    private static String category(SplittableRandom r) {
        return "MFGR#" + r.nextInt(1, 6) + r.nextInt(1, 6);
    }

    static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** Two different cities of one nation: the nation's first 9 characters, space-padded, and a digit. */
    private static String[] twoCities(SplittableRandom r) {
        String nation = pick(r, NATIONS);
        String prefix = String.format("%-9s", nation.length() > 9 ? nation.substring(0, 9) : nation);
        int a = r.nextInt(10);
        int b = (a + r.nextInt(1, 10)) % 10;
        return new String[] {prefix + a, prefix + b};
    }
}
