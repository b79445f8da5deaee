package io.haechi.server.cli;

import io.haechi.builder.job.JobListener;
import io.haechi.builder.service.BuildOutcome;
import io.haechi.builder.service.BuildService;
import io.haechi.datagen.GenerationReport;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ads.AdsGenerator;
import io.haechi.datagen.ads.AdsOptions;
import io.haechi.model.catalog.ApplyPlan;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.SegmentStatus;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.json.Descriptor;
import io.haechi.model.table.TableDesc;
import io.haechi.server.runtime.HaechiContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code haechi demo}: the main job. Starts the embedded HBase, generates sample ad events, applies the example ad
 * model and cube to project {@code ads}, builds the segment of the generated days and prints what it built. Running
 * it again regenerates the same data (deterministic) and reuses a segment that is already READY.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate sample ad events, apply the example ad cube and build it into the embedded HBase.")
final class DemoCommand implements Callable<Integer> {
    static final String PROJECT = "ads";
    static final String CUBE = "ad_events";

    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions context;

    @Option(names = "--out", defaultValue = "data", description = "Where the sample data goes (default data, where "
            + "the example tables point).")
    Path out;

    @Option(names = "--scale", defaultValue = "0.1", description = "Ad-event scale (ADSF; 1 = 6M rows in 28 days).")
    double scale;

    @Option(names = "--days", defaultValue = "7", description = "Days of ad events.")
    int days;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("haechi.home", "."));
        Path examples = home.resolve("examples").resolve("ads");
        LocalDate from = AdsOptions.DEFAULT_START;
        LocalDate to = from.plusDays(days);
        out.printf("1. generating %d days of ad events (scale %s) into %s%n", days, scale,
                this.out.resolve("ads").toAbsolutePath());
        out.flush();
        GenerationReport generated = AdsGenerator.generate(new AdsOptions(scale, days, from,
                this.out.resolve("ads"), OutputFormat.AVRO).withOverwrite(true)
                .withThreads(GenCommand.threads(null)), ProgressListener.forTerminal());
        if (System.console() == null) {
            out.println(generated.summary());
        }
        List<Descriptor> documents = new ArrayList<>();
        DescriptorSet.readDocuments(List.of(examples.resolve("tables.json"), examples.resolve("model.json"),
                examples.resolve("cube.json")), documents);
        documents = relocated(documents, this.out.resolve("ads"));
        out.println("2. starting the store (embedded HBase unless hbase.zookeeper.quorum is set)");
        out.flush();
        try (HaechiContext ctx = context.open()) {
            ApplyPlan plan = ctx.catalog().plan(PROJECT, documents);
            out.println("3. applying the example model and cube");
            out.println(plan.render());
            for (SegmentDesc dropped : ctx.catalog().apply(plan, true)) {
                ctx.cubeStore().dropSegment(dropped.storageId());
            }
            JobListener progress = BuildProgress.forTerminal(out);
            BuildService builds = ctx.builds(progress);
            Optional<Versioned<SegmentDesc>> existing = ctx.catalog().segment(PROJECT, CUBE,
                    SegmentDesc.nameOf(from, to));
            if (existing.isPresent() && existing.get().value().status() == SegmentStatus.BUILDING) {
                out.println("   discarding the unfinished build " + existing.get().value().jobId());
                builds.discard(existing.get().value().jobId());
                existing = Optional.empty();
            }
            if (existing.isPresent()) {
                out.println("4. segment " + existing.get().value().name() + " is already built");
            } else {
                out.printf("4. building cube %s for [%s, %s)%n", CUBE, from, to);
                out.flush();
                String jobId = builds.start(PROJECT, CUBE, from, to);
                BuildOutcome outcome = builds.run(jobId, progress);
                out.printf("   %,d source rows -> %,d cuboid rows in %d cuboids, %,d bytes in HBase (%.0f rows/s)%n",
                        outcome.report().factRows(), outcome.report().cuboidRows(),
                        outcome.segment().rowsPerCuboid().size(), outcome.segment().bytesStored(),
                        outcome.report().rowsPerSecond());
            }
            out.println();
            out.println("Data:       " + ctx.settings().dataDir().toAbsolutePath());
            out.println("Project:    " + PROJECT + ", cube " + CUBE);
            out.println("Segments:   ./haechi segments -p " + PROJECT);
            out.println("Jobs:       ./haechi jobs -p " + PROJECT);
            out.println("SQL over the cube (JDBC, psql) and the web wizard arrive with the query and web issues.");
            return ExitCodes.OK;
        }
    }

    /** The example tables point at data/ads/...; the demo points them at where it generated the data. */
    private static List<Descriptor> relocated(List<Descriptor> documents, Path dataDir) {
        List<Descriptor> out = new ArrayList<>();
        for (Descriptor d : documents) {
            if (d instanceof Descriptor.Table t) {
                TableDesc table = t.table();
                out.add(new Descriptor.Table(new TableDesc(table.name(),
                        dataDir.resolve(table.name()).toAbsolutePath().toString(), table.format(), table.columns())));
            } else {
                out.add(d);
            }
        }
        return out;
    }
}
