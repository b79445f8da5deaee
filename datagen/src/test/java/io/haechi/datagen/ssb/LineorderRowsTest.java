package io.haechi.datagen.ssb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineorderRowsTest {
    /** Stops generation after enough rows: the generator has no "first n" entry point, nor needs one. */
    private static final class Enough extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static List<Object[]> firstRows(SsbScale scale, int n) {
        List<Object[]> rows = new ArrayList<>();
        try {
            new LineorderRows(scale).generate(row -> {
                rows.add(row);
                if (rows.size() == n) {
                    throw new Enough();
                }
            });
        } catch (Enough e) {
            // expected
        }
        return rows;
    }

    @Test
    void sf1HasDbgensOneRunRowCount() {
        // dbgen -s 1 (all tables in one process) writes 6,001,173 lineorder rows (ssb.md §1.1)
        assertThat(LineorderRows.countRows(SsbScale.of(1))).isEqualTo(6_001_173L);
    }

    @Test
    void sf1RevenueSumIsDbgens() {
        // ssb.md §1.1: on dbgen -s 1 output, sum(lo_revenue) = 21,804,890,704,189. It depends on the partkey,
        // quantity and discount streams of every row, so it pins the exact mode beyond the row count.
        long[] sum = new long[2];
        new LineorderRows(SsbScale.of(1)).generate(r -> {
            sum[0] += (Integer) r[12];
            sum[1]++;
        });
        assertThat(sum[1]).isEqualTo(6_001_173L);
        assertThat(sum[0]).isEqualTo(21_804_890_704_189L);
    }

    @Test
    void firstOrderDateComesFromTheDateStreamAdvancedPastTheDateTable() {
        // independent of ParkMiller: plain recurrence, 2,557 skipped draws, then the order's draw
        long s = 1066728069L;
        for (int i = 0; i < 2557 + 1; i++) {
            s = s * 16807 % 2147483647L;
        }
        long offset = (long) ((double) s / 2147483647.0 * 2406.0);
        LocalDate expected = LocalDate.of(1992, 1, 1).plusDays(offset);
        Object[] first = firstRows(SsbScale.of(1), 1).get(0);
        int key = expected.getYear() * 10000 + expected.getMonthValue() * 100 + expected.getDayOfMonth();
        assertThat(first[5]).isEqualTo(key);
    }

    @Test
    void firstSf1RowsAreConsistentWithTheSpecFormulas() {
        List<Object[]> rows = firstRows(SsbScale.of(1), 20_000);
        long orderKey = -1;
        long orderTotal = 0;
        long declaredTotal = 0;
        int expectedLine = 0;
        List<Long> totals = new ArrayList<>();
        List<Long> declared = new ArrayList<>();
        for (Object[] r : rows) {
            long ok = (Long) r[0];
            int line = (Integer) r[1];
            if (ok != orderKey) {
                if (orderKey >= 0) {
                    totals.add(orderTotal);
                    declared.add(declaredTotal);
                }
                assertThat(line).isEqualTo(1);
                orderKey = ok;
                orderTotal = 0;
                expectedLine = 1;
            }
            assertThat(line).isEqualTo(expectedLine++).isBetween(1, 7);
            int cust = (Integer) r[2];
            assertThat(cust % 3).as("custkey %d", cust).isNotZero();
            long part = (Integer) r[3];
            long rprice = 90000 + (part / 10) % 20001 + 100 * (part % 1000);
            int qty = (Integer) r[8];
            int ext = (Integer) r[9];
            int disc = (Integer) r[11];
            int tax = (Integer) r[14];
            assertThat(qty).isBetween(1, 50);
            assertThat(disc).isBetween(0, 10);
            assertThat(tax).isBetween(0, 8);
            assertThat((long) ext).isEqualTo(qty * rprice);
            assertThat((long) (Integer) r[12]).isEqualTo(ext * (100L - disc) / 100);
            assertThat((long) (Integer) r[13]).isEqualTo(6 * rprice / 10);
            assertThat(r[7]).isEqualTo(0);
            orderTotal += (long) ext * (100 - disc) / 100 * (100 + tax) / 100;
            declaredTotal = (Integer) r[10];
            LocalDate od = date((Integer) r[5]);
            LocalDate cd = date((Integer) r[15]);
            assertThat(od).isBetween(LocalDate.of(1992, 1, 1), LocalDate.of(1998, 8, 2));
            assertThat(cd.toEpochDay() - od.toEpochDay()).isBetween(30L, 90L);
        }
        assertThat(totals).hasSizeGreaterThan(1000).isEqualTo(declared);
        assertThat((Long) rows.get(0)[0]).isEqualTo(1L);
    }

    private static LocalDate date(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }

    @Test
    void orderRangesJumpAheadToExactlyTheRowsOfAFullRun() {
        LineorderRows rows = new LineorderRows(SsbScale.of(0.01));
        List<Object[]> full = new ArrayList<>();
        rows.generate(full::add);
        List<Object[]> pieces = new ArrayList<>();
        rows.generate(1, 4_999, pieces::add);
        rows.generate(5_000, 5_000, pieces::add);
        rows.generate(5_001, 15_000, pieces::add);
        assertThat(full).hasSizeGreaterThan(15_000);
        assertThat(pieces).hasSameSizeAs(full);
        for (int i = 0; i < full.size(); i++) {
            assertThat(pieces.get(i)).as("row %d", i).containsExactly(full.get(i));
        }
    }

    @Test
    void retailPriceIsDbgens() {
        assertThat(LineorderRows.retailPrice(1)).isEqualTo(90000 + 0 + 100);
        assertThat(LineorderRows.retailPrice(200_000)).isEqualTo(90000 + 20000 + 0);
        assertThat(LineorderRows.retailPrice(999)).isEqualTo(90000 + 99 + 99_900);
    }
}
