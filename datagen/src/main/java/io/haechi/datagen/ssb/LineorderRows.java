package io.haechi.datagen.ssb;

import io.haechi.datagen.random.ParkMiller;
import java.time.LocalDate;

/**
 * SSB lineorder, exactly as {@code dbgen -s SF} writes it when it generates every table in one run (ssb.md §1.4):
 * one Park–Miller stream per column, the four order streams first advanced by the 2,557 date rows, and every line
 * stream realigned to 7 draws per order. Rows come in dbgen's order (order by order, line by line).
 */
public final class LineorderRows {
    /** Column positions in a lineorder row. */
    public static final int ORDERDATE = 5;

    /** Days between 1992-01-01 and the latest order date 1998-08-02. */
    static final int ORDER_DATE_SPAN = 2405;

    private final SsbScale scale;
    private final int[] dateKeys;

    public LineorderRows(SsbScale scale) {
        this.scale = scale;
        this.dateKeys = new int[ORDER_DATE_SPAN + 91];
        LocalDate d = DateRows.FIRST;
        for (int i = 0; i < dateKeys.length; i++, d = d.plusDays(1)) {
            dateKeys[i] = DateRows.dateKey(d);
        }
    }

    /** Receives each lineorder row; the array is new for every row. */
    @FunctionalInterface
    public interface Sink {
        void accept(Object[] row);
    }

    /** dbgen's retail price of a part, in cents. */
    public static long retailPrice(long partKey) {
        return 90000 + (partKey / 10) % 20001 + 100 * (partKey % 1000);
    }

    /**
     * The number of lineorder rows at this scale, from the line-count stream alone (cheap: one draw per order).
     */
    public static long countRows(SsbScale scale) {
        ParkMiller lines = new ParkMiller(SsbSeeds.ORDER_LINE_COUNT);
        lines.skip(SsbScale.DATE_ROWS);
        long total = 0;
        for (long i = 0; i < scale.orders(); i++) {
            total += lines.uniform(1, 7);
        }
        return total;
    }

    /** All rows, in dbgen's order. */
    public void generate(Sink sink) {
        generate(1, scale.orders(), sink);
    }

    /**
     * The rows of orders {@code first..last} (1-based, inclusive), exactly as in a full run: every stream jumps
     * ahead to the first order, so ranges can be generated in parallel.
     */
    public void generate(long first, long last, Sink sink) {
        if (first < 1 || last > scale.orders() || first > last + 1) {
            throw new IllegalArgumentException("order range " + first + ".." + last + " is outside 1.."
                    + scale.orders());
        }
        long before = first - 1;
        ParkMiller orderDate = orderStream(SsbSeeds.ORDER_DATE, before);
        ParkMiller custKey = orderStream(SsbSeeds.ORDER_CUSTKEY, before);
        ParkMiller priority = orderStream(SsbSeeds.ORDER_PRIORITY, before);
        ParkMiller lineCount = orderStream(SsbSeeds.ORDER_LINE_COUNT, before);
        ParkMiller partKey = lineStream(SsbSeeds.LINE_PARTKEY, before);
        ParkMiller suppKey = lineStream(SsbSeeds.LINE_SUPPKEY, before);
        ParkMiller quantity = lineStream(SsbSeeds.LINE_QUANTITY, before);
        ParkMiller discount = lineStream(SsbSeeds.LINE_DISCOUNT, before);
        ParkMiller tax = lineStream(SsbSeeds.LINE_TAX, before);
        ParkMiller commit = lineStream(SsbSeeds.LINE_COMMIT, before);
        ParkMiller shipMode = lineStream(SsbSeeds.LINE_SHIPMODE, before);
        ParkMiller[] lineStreams = {partKey, suppKey, quantity, discount, tax, commit, shipMode};

        long customers = scale.customers();
        long[] lp = new long[7];
        long[] ls = new long[7];
        long[] lq = new long[7];
        long[] ld = new long[7];
        long[] lt = new long[7];
        long[] lc = new long[7];
        long[] lm = new long[7];
        for (long i = first; i <= last; i++) {
            int dateOffset = (int) (orderDate.uniform(92001, 94406) - 92001);
            long cust = custKey.uniform(1, customers);
            long delta = 1;
            while (cust % 3 == 0) { // dbgen's "customer mortality": a third of the customers never order
                cust += delta;
                cust = Math.min(cust, customers);
                delta = -delta;
            }
            String prio = SsbText.ORDER_PRIORITIES.get((int) priority.uniform(1, 5) - 1);
            int lines = (int) lineCount.uniform(1, 7);
            long total = 0;
            for (int j = 0; j < lines; j++) {
                lp[j] = partKey.uniform(1, scale.partKeyMax());
                ls[j] = suppKey.uniform(1, scale.suppliers());
                lq[j] = quantity.uniform(1, 50);
                ld[j] = discount.uniform(0, 10);
                lt[j] = tax.uniform(0, 8);
                lc[j] = commit.uniform(30, 90);
                lm[j] = shipMode.uniform(1, 7);
                long extended = lq[j] * retailPrice(lp[j]);
                total += extended * (100 - ld[j]) / 100 * (100 + lt[j]) / 100;
            }
            int skip = SsbSeeds.LINE_DRAWS_PER_ORDER - lines;
            if (skip > 0) {
                for (ParkMiller s : lineStreams) {
                    s.skip(skip);
                }
            }
            Long orderKey = SsbScale.orderKey(i);
            Integer custKeyValue = (int) cust;
            Integer orderDateKey = dateKeys[dateOffset];
            Integer totalPrice = (int) total;
            for (int j = 0; j < lines; j++) {
                long rprice = retailPrice(lp[j]);
                long extended = lq[j] * rprice;
                sink.accept(new Object[] {
                    orderKey,
                    j + 1,
                    custKeyValue,
                    (int) lp[j],
                    (int) ls[j],
                    orderDateKey,
                    prio,
                    0,
                    (int) lq[j],
                    (int) extended,
                    totalPrice,
                    (int) ld[j],
                    (int) (extended * (100 - ld[j]) / 100),
                    (int) (6 * rprice / 10),
                    (int) lt[j],
                    dateKeys[dateOffset + (int) lc[j]],
                    SsbText.SHIP_MODES.get((int) lm[j] - 1),
                });
            }
        }
    }

    private static ParkMiller orderStream(long seed, long ordersBefore) {
        ParkMiller s = new ParkMiller(seed);
        s.skip(SsbScale.DATE_ROWS + ordersBefore);
        return s;
    }

    private static ParkMiller lineStream(long seed, long ordersBefore) {
        ParkMiller s = new ParkMiller(seed);
        s.skip(SsbSeeds.LINE_DRAWS_PER_ORDER * ordersBefore);
        return s;
    }
}
