package io.haechi.builder.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RejectReason;
import io.haechi.builder.reject.RejectReport;
import io.haechi.builder.source.CsvOptions;
import io.haechi.builder.source.RowStream;
import io.haechi.builder.source.SourceFileSystems;
import io.haechi.builder.source.SourceReader;
import io.haechi.builder.source.SourceReaders;
import io.haechi.builder.source.SourceRow;
import io.haechi.builder.source.SourceScan;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupJoinerTest {
    private static final SourceReader CSV = new SourceReaders(SourceFileSystems.local(), CsvOptions.DEFAULT)
            .forFormat(SourceFormat.CSV);

    @TempDir
    Path dir;

    private TableDesc csvTable(String name, String content, ColumnDesc... columns) throws Exception {
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, content);
        return new TableDesc(name, file.toString(), SourceFormat.CSV, List.of(columns));
    }

    private static LookupTable load(TableDesc table, String... keys) {
        try (RowStream s = CSV.openAll(SourceScan.all(table), new RejectCollector())) {
            return LookupTable.load(table, List.of(keys), s);
        }
    }

    private static List<SourceRow> rows(TableDesc table) {
        List<SourceRow> out = new ArrayList<>();
        try (RowStream s = CSV.openAll(SourceScan.all(table), new RejectCollector())) {
            for (SourceRow r = s.next(); r != null; r = s.next()) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void duplicateCompositeKeyNamesTheKeyAndBothRows() throws Exception {
        TableDesc campaign = csvTable("campaign", "advertiser_id,campaign_id,name\n1,10,a\n1,11,b\n2,10,c\n1,11,d\n",
                new ColumnDesc("advertiser_id", DataType.INT, false),
                new ColumnDesc("campaign_id", DataType.INT, false),
                new ColumnDesc("name", DataType.VARCHAR, true));
        assertThatThrownBy(() -> load(campaign, "advertiser_id", "campaign_id"))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DUPLICATE_LOOKUP_KEY))
                .hasMessage("lookup 'campaign' has the key (advertiser_id, campaign_id) = [1, 11] twice: "
                        + campaign.location() + " line 3 and " + campaign.location() + " line 5; "
                        + "a lookup key must be unique");
    }

    @Test
    void innerMissesAreRejectedLeftMissesKeptWithNullsAndCounted() throws Exception {
        TableDesc customer = csvTable("customer", "c_custkey,c_nation\n1,KOREA\n2,JAPAN\n,NOWHERE\n",
                new ColumnDesc("c_custkey", DataType.BIGINT, true), new ColumnDesc("c_nation", DataType.VARCHAR, true));
        TableDesc part = csvTable("part", "p_partkey,p_brand\n7,B7\n",
                new ColumnDesc("p_partkey", DataType.INT, false), new ColumnDesc("p_brand", DataType.VARCHAR, true));
        TableDesc fact = csvTable("lineorder", "lo_custkey,lo_partkey,lo_revenue\n1,7,10\n3,7,20\n2,8,30\n,7,40\n",
                new ColumnDesc("lo_custkey", DataType.INT, true), new ColumnDesc("lo_partkey", DataType.INT, false),
                new ColumnDesc("lo_revenue", DataType.INT, false));
        LookupTable customers = load(customer, "c_custkey");
        assertThat(customers.size()).isEqualTo(2);
        assertThat(customers.nullKeyRows()).isEqualTo(1);
        LookupJoiner joiner = new LookupJoiner(fact, List.of(
                new JoinSpec("customer", JoinType.INNER, customers,
                        List.of(new ColumnRef("lineorder", "lo_custkey"))),
                new JoinSpec("part", JoinType.LEFT, load(part, "p_partkey"),
                        List.of(new ColumnRef("lineorder", "lo_partkey")))));
        RejectCollector rejects = new RejectCollector();
        rejects.rowsRead(4);
        List<List<Object>> flat = new ArrayList<>();
        for (SourceRow r : rows(fact)) {
            Object[] joined = joiner.join(r, rejects);
            if (joined != null) {
                flat.add(Arrays.asList(joined));
            }
        }

        assertThat(joiner.width()).isEqualTo(7);
        assertThat(joiner.indexOf(new ColumnRef("PART", "P_BRAND"))).isEqualTo(6);
        assertThat(flat).containsExactly(
                Arrays.asList(1, 7, 10, 1L, "KOREA", 7, "B7"),
                Arrays.asList(2, 8, 30, 2L, "JAPAN", null, null));
        assertThat(joiner.leftMisses()).containsExactly(java.util.Map.entry("part", 1L));
        RejectReport report = rejects.report();
        assertThat(report.rejectedRows(RejectReason.UNKNOWN_FOREIGN_KEY)).isEqualTo(2);
        assertThat(report.rowsAccepted()).isEqualTo(2);
        assertThat(report.samples(RejectReason.UNKNOWN_FOREIGN_KEY))
                .extracting(s -> s.origin().number() + " " + s.column() + "=" + s.value())
                .containsExactly("3 lineorder.lo_custkey=3", "5 lineorder.lo_custkey=NULL");
        assertThat(report.samples(RejectReason.UNKNOWN_FOREIGN_KEY).get(0).expected())
                .isEqualTo("a row of lookup 'customer' with c_custkey equal to it (INNER join)");
    }

    @Test
    void snowflakeChainsAndRolePlayingAliases() throws Exception {
        TableDesc region = csvTable("region", "r_id,r_name\n1,ASIA\n",
                new ColumnDesc("r_id", DataType.SMALLINT, false), new ColumnDesc("r_name", DataType.VARCHAR, true));
        TableDesc city = csvTable("city", "ci_id,ci_region,ci_name\n100,1,Seoul\n200,9,Atlantis\n",
                new ColumnDesc("ci_id", DataType.INT, false), new ColumnDesc("ci_region", DataType.INT, true),
                new ColumnDesc("ci_name", DataType.VARCHAR, true));
        TableDesc dates = csvTable("dates", "d_datekey,d_year\n20260101,2026\n20251231,2025\n",
                new ColumnDesc("d_datekey", DataType.INT, false), new ColumnDesc("d_year", DataType.INT, true));
        TableDesc fact = csvTable("ev", "city_id,orderdate,commitdate\n100,20260101,20251231\n200,20260101,20260101\n"
                        + "300,20251231,20260101\n",
                new ColumnDesc("city_id", DataType.INT, false), new ColumnDesc("orderdate", DataType.INT, false),
                new ColumnDesc("commitdate", DataType.INT, false));
        LookupTable dateLookup = load(dates, "d_datekey");
        LookupJoiner joiner = new LookupJoiner(fact, List.of(
                new JoinSpec("city", JoinType.LEFT, load(city, "ci_id"), List.of(new ColumnRef("ev", "city_id"))),
                new JoinSpec("region", JoinType.LEFT, load(region, "r_id"),
                        List.of(new ColumnRef("city", "ci_region"))),
                new JoinSpec("orderdate", JoinType.INNER, dateLookup, List.of(new ColumnRef("ev", "orderdate"))),
                new JoinSpec("commitdate", JoinType.INNER, dateLookup,
                        List.of(new ColumnRef("ev", "commitdate")))));
        RejectCollector rejects = new RejectCollector();
        List<List<Object>> flat = new ArrayList<>();
        for (SourceRow r : rows(fact)) {
            flat.add(Arrays.asList(joiner.join(r, rejects)));
        }
        assertThat(flat).containsExactly(
                Arrays.asList(100, 20260101, 20251231, 100, 1, "Seoul", (short) 1, "ASIA", 20260101, 2026,
                        20251231, 2025),
                Arrays.asList(200, 20260101, 20260101, 200, 9, "Atlantis", null, null, 20260101, 2026,
                        20260101, 2026),
                Arrays.asList(300, 20251231, 20260101, null, null, null, null, null, 20251231, 2025,
                        20260101, 2026));
        assertThat(joiner.leftMisses()).containsExactly(java.util.Map.entry("city", 1L),
                java.util.Map.entry("region", 2L));
        assertThat(rejects.report().rejectedRows()).isZero();
    }

    @Test
    void aForeignKeyOfALaterLookupIsAnError() throws Exception {
        TableDesc region = csvTable("region", "r_id\n1\n", new ColumnDesc("r_id", DataType.INT, false));
        TableDesc fact = csvTable("f", "x\n1\n", new ColumnDesc("x", DataType.INT, false));
        LookupTable regions = load(region, "r_id");
        assertThatThrownBy(() -> new LookupJoiner(fact, List.of(
                new JoinSpec("region", JoinType.INNER, regions, List.of(new ColumnRef("city", "ci_region"))))))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_TABLE))
                .hasMessageContaining("'city.ci_region'").hasMessageContaining("known: [f]");
        assertThatThrownBy(() -> new LookupJoiner(fact, List.of(
                new JoinSpec("region", JoinType.INNER, regions, List.of(new ColumnRef("f", "nope"))))))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_COLUMN));
        TableDesc textFact = csvTable("g", "x\n1\n", new ColumnDesc("x", DataType.VARCHAR, false));
        assertThatThrownBy(() -> new LookupJoiner(textFact, List.of(
                new JoinSpec("region", JoinType.INNER, regions, List.of(new ColumnRef("g", "x"))))))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_DESCRIPTOR))
                .hasMessage("the join 'region' compares g.x (VARCHAR) with region.r_id (INT): these types never "
                        + "compare equal");
        assertThatThrownBy(() -> new JoinSpec("region", JoinType.INNER, regions,
                List.of(new ColumnRef("f", "x"), new ColumnRef("f", "x"))))
                .hasMessageContaining("2 foreign-key columns for the 1 key columns [r_id]");
    }
}
