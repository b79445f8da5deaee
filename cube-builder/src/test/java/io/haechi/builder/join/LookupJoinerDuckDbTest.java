package io.haechi.builder.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RejectReason;
import io.haechi.builder.source.RowStream;
import io.haechi.builder.source.SourceReader;
import io.haechi.builder.source.SourceReaders;
import io.haechi.builder.source.SourceRow;
import io.haechi.builder.source.SourceScan;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flat table equals DuckDB's join of the same CSV files (random data, composite keys, misses, NULL keys). */
class LookupJoinerDuckDbTest {
    private static final SourceReader CSV = SourceReaders.defaults().forFormat(SourceFormat.CSV);

    @TempDir
    Path dir;

    @Test
    void flatRowsEqualDuckDbJoin() throws Exception {
        Random random = new Random(20261125);
        StringBuilder campaigns = new StringBuilder("adv,camp,objective\n");
        for (int adv = 1; adv <= 5; adv++) {
            for (int camp = 1; camp <= 8; camp++) {
                if (random.nextInt(5) > 0) {
                    campaigns.append(adv).append(',').append(camp).append(",obj").append(random.nextInt(3))
                            .append('\n');
                }
            }
        }
        StringBuilder devices = new StringBuilder("device_id,os\n");
        for (int d = 0; d < 10; d++) {
            devices.append(d).append(',').append("os" + d % 3).append('\n');
        }
        StringBuilder events = new StringBuilder("adv,camp,device,clicks\n");
        for (int i = 0; i < 3000; i++) {
            events.append(1 + random.nextInt(6)).append(',').append(1 + random.nextInt(8)).append(',')
                    .append(random.nextInt(20) == 0 ? "" : String.valueOf(random.nextInt(12))).append(',')
                    .append(random.nextInt(100)).append('\n');
        }
        Path campaignFile = Files.writeString(dir.resolve("campaign.csv"), campaigns);
        Path deviceFile = Files.writeString(dir.resolve("device.csv"), devices);
        Path eventFile = Files.writeString(dir.resolve("event.csv"), events);
        TableDesc campaign = new TableDesc("campaign", campaignFile.toString(), SourceFormat.CSV, List.of(
                new ColumnDesc("adv", DataType.INT, false), new ColumnDesc("camp", DataType.BIGINT, false),
                new ColumnDesc("objective", DataType.VARCHAR, true)));
        TableDesc device = new TableDesc("device", deviceFile.toString(), SourceFormat.CSV, List.of(
                new ColumnDesc("device_id", DataType.INT, false), new ColumnDesc("os", DataType.VARCHAR, true)));
        TableDesc event = new TableDesc("event", eventFile.toString(), SourceFormat.CSV, List.of(
                new ColumnDesc("adv", DataType.INT, false), new ColumnDesc("camp", DataType.INT, false),
                new ColumnDesc("device", DataType.INT, true), new ColumnDesc("clicks", DataType.INT, false)));

        LookupJoiner joiner = new LookupJoiner(event, List.of(
                new JoinSpec("c", JoinType.INNER, load(campaign, "adv", "camp"),
                        List.of(new ColumnRef("event", "adv"), new ColumnRef("event", "camp"))),
                new JoinSpec("d", JoinType.LEFT, load(device, "device_id"),
                        List.of(new ColumnRef("event", "device")))));
        RejectCollector rejects = new RejectCollector();
        List<String> ours = new ArrayList<>();
        try (RowStream s = CSV.openAll(SourceScan.all(event), rejects)) {
            for (SourceRow r = s.next(); r != null; r = s.next()) {
                Object[] flat = joiner.join(r, rejects);
                if (flat != null) {
                    ours.add(flat[0] + "|" + flat[1] + "|" + flat[2] + "|" + flat[3] + "|" + flat[6] + "|"
                            + flat[8]);
                }
            }
        }

        List<String> duck = new ArrayList<>();
        long leftMisses;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = c.createStatement()) {
            st.execute("create table campaign as select * from read_csv('" + campaignFile + "', header=true, "
                    + "columns={'adv':'INT','camp':'BIGINT','objective':'VARCHAR'})");
            st.execute("create table device as select * from read_csv('" + deviceFile + "', header=true, "
                    + "columns={'device_id':'INT','os':'VARCHAR'})");
            st.execute("create table event as select * from read_csv('" + eventFile + "', header=true, "
                    + "columns={'adv':'INT','camp':'INT','device':'INT','clicks':'INT'})");
            try (ResultSet rs = st.executeQuery("select e.adv, e.camp, e.device, e.clicks, c.objective, d.os "
                    + "from event e join campaign c on e.adv = c.adv and e.camp = c.camp "
                    + "left join device d on e.device = d.device_id")) {
                while (rs.next()) {
                    duck.add(rs.getObject(1) + "|" + rs.getObject(2) + "|" + rs.getObject(3) + "|" + rs.getObject(4)
                            + "|" + rs.getObject(5) + "|" + rs.getObject(6));
                }
            }
            try (ResultSet rs = st.executeQuery("select count(*) from event e join campaign c on e.adv = c.adv "
                    + "and e.camp = c.camp left join device d on e.device = d.device_id where d.device_id is null")) {
                rs.next();
                leftMisses = rs.getLong(1);
            }
        }
        assertThat(ours).hasSizeGreaterThan(1000).containsExactlyInAnyOrderElementsOf(duck);
        assertThat(rejects.report().rejectedRows(RejectReason.UNKNOWN_FOREIGN_KEY)).isEqualTo(3000 - duck.size());
        assertThat(joiner.leftMisses().get("d")).isEqualTo(leftMisses).isPositive();
    }

    private static LookupTable load(TableDesc table, String... keys) {
        try (RowStream s = CSV.openAll(SourceScan.all(table), new RejectCollector())) {
            return LookupTable.load(table, List.of(keys), s);
        }
    }
}
