package io.haechi.builder.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.builder.source.DateInterval;
import io.haechi.builder.source.SourceReaders;
import io.haechi.datagen.GenerationReport;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ssb.SsbGenerator;
import io.haechi.datagen.ssb.SsbOptions;
import io.haechi.datagen.ssb.SsbTables;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build time per step and rows/s of SSB design B into a counting store (rows not kept). Runs SF 0.01 by default;
 * {@code -Dhaechi.segment.sf=0.1} (or 1) measures a larger scale. Prints the report; asserts only the row counts.
 */
class SegmentBuildThroughputTest {
    @TempDir
    Path dir;

    @Test
    void designBIntoACountingStore() throws Exception {
        double sf = Double.parseDouble(System.getProperty("haechi.segment.sf", "0.01"));
        GenerationReport generated = SsbGenerator.generate(new SsbOptions(sf, dir.resolve("ssb"), OutputFormat.AVRO),
                ProgressListener.NONE);
        List<TableDesc> tables = SsbTables.at(dir.resolve("ssb"), OutputFormat.AVRO);
        ValidatedCube cube = SegmentFixture.validate(SegmentFixture.cube("ssb/cube-per-query.json"),
                SegmentFixture.model("ssb/model.json"), tables);
        InMemoryCubeStore store = new InMemoryCubeStore(false);
        SegmentBuildSpec spec = new SegmentBuildSpec(cube, SegmentFixture.byName(tables),
                new DateInterval(LocalDate.of(1992, 1, 1), LocalDate.of(1999, 1, 1)), "ssb_throughput");
        long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        SegmentBuildResult result = SegmentFixture.build(new SegmentBuildJob(spec, store, SourceReaders.defaults(),
                SegmentBuildConfig.defaults()), dir.resolve("jobs"), "throughput");
        BuildReport report = result.report();
        System.out.printf(Locale.ROOT, "SSB SF %s design B, %d cores, -Xmx %d MB (heap before %d MB)%n%s", sf,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, heapBefore >> 20,
                report.toText());
        assertThat(report.rejects().rowsRead()).isEqualTo(generated.rows(SsbTables.LINEORDER));
        assertThat(report.factRows()).isEqualTo(generated.rows(SsbTables.LINEORDER));
        assertThat(result.stats().rowsPerCuboid()).hasSize(cube.cuboids().size());
    }
}
