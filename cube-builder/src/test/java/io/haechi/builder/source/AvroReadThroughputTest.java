package io.haechi.builder.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures Avro read throughput for an SSB-lineorder-like file (17 int/string columns). Not a timed assertion: it
 * prints the numbers (to the surefire output file) and checks the rows. The default run is small; measure with
 * {@code mvn -pl cube-builder -am verify -Dtest=AvroReadThroughputTest -Dsurefire.failIfNoSpecifiedTests=false
 * -DargLine=-Dhaechi.throughput.rows=1000000}.
 */
class AvroReadThroughputTest {
    private static final Schema LINEORDER = SchemaBuilder.record("lineorder").fields()
            .requiredInt("lo_orderkey").requiredInt("lo_linenumber").requiredInt("lo_custkey")
            .requiredInt("lo_partkey").requiredInt("lo_suppkey").requiredInt("lo_orderdate")
            .requiredString("lo_orderpriority").requiredString("lo_shippriority").requiredInt("lo_quantity")
            .requiredInt("lo_extendedprice").requiredInt("lo_ordtotalprice").requiredInt("lo_discount")
            .requiredInt("lo_revenue").requiredInt("lo_supplycost").requiredInt("lo_tax")
            .requiredInt("lo_commitdate").requiredString("lo_shipmode").endRecord();
    private static final String[] PRIORITIES = {"1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECI", "5-LOW"};
    private static final String[] MODES = {"AIR", "FOB", "MAIL", "RAIL", "REG AIR", "SHIP", "TRUCK"};

    @TempDir
    Path dir;

    @Test
    void readsLineorderRows() throws Exception {
        int rows = Integer.getInteger("haechi.throughput.rows", 20_000);
        Path file = AvroFixtures.write(dir.resolve("lineorder.avro"), LINEORDER, rows, 4096, (r, i) -> {
            r.put(0, i / 4 + 1);
            r.put(1, i % 7 + 1);
            r.put(2, (i * 31) % 30_000 + 1);
            r.put(3, (i * 17) % 200_000 + 1);
            r.put(4, (i * 13) % 2_000 + 1);
            r.put(5, 19920101 + (i % 28));
            r.put(6, PRIORITIES[i % 5]);
            r.put(7, "0");
            r.put(8, i % 50 + 1);
            r.put(9, 100_000 + i % 9_000_000);
            r.put(10, 200_000 + i % 30_000_000);
            r.put(11, i % 11);
            r.put(12, 90_000 + i % 8_000_000);
            r.put(13, 50_000 + i % 100_000);
            r.put(14, i % 9);
            r.put(15, 19920201 + (i % 28));
            r.put(16, MODES[i % 7]);
        });
        TableDesc table = AvroSchemaInference.infer(file.toString(), "lineorder");
        SourceReader reader = SourceReaders.defaults().forFormat(SourceFormat.AVRO);

        for (int round = 1; round <= (rows > 100_000 ? 5 : 1); round++) {
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long n = 0;
            try (DataFileReader<GenericRecord> raw = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
                GenericRecord rec = null;
                while (raw.hasNext()) {
                    rec = raw.next(rec);
                    n++;
                }
            }
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            RejectCollector rejects = new RejectCollector();
            long m = 0;
            long checksum = 0;
            try (RowStream s = reader.openAll(SourceScan.all(table), rejects)) {
                for (SourceRow row = s.next(); row != null; row = s.next()) {
                    m++;
                    checksum += (Integer) row.values()[12];
                }
            }
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            assertThat(n).isEqualTo(rows);
            assertThat(m).isEqualTo(rows);
            assertThat(rejects.report().rowsAccepted()).isEqualTo(rows);
            assertThat(checksum).isPositive();
            System.out.printf("round %d: %,d rows, %,d bytes; raw Avro decode %,.0f rows/s (%,.0f per CPU second);"
                            + " SourceReader (normalised Object[] rows) %,.0f rows/s (%,.0f per CPU second)%n",
                    round, rows, Files.size(file), n / ((t1 - t0) / 1e9), n / ((c1 - c0) / 1e9),
                    m / ((t2 - t1) / 1e9), m / ((c2 - c1) / 1e9));
        }
    }
}
