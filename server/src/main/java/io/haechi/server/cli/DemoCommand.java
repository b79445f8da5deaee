package io.haechi.server.cli;

import io.haechi.builder.job.JobListener;
import io.haechi.builder.service.BuildOutcome;
import io.haechi.builder.service.BuildService;
import io.haechi.datagen.GenerationReport;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ads.AdsGenerator;
import io.haechi.datagen.ads.AdsOptions;
import io.haechi.datagen.ssb.SsbGenerator;
import io.haechi.datagen.ssb.SsbOptions;
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
 * {@code haechi demo}: the main job. Starts the embedded HBase, generates sample ad events (project {@code ads}) and a
 * small SSB (project {@code ssb}), applies the example models and cubes, builds them with progress bars, then serves
 * SQL over JDBC and the PostgreSQL wire protocol and prints the URLs, the psql command and example queries until Ctrl-C. Running it again regenerates the same data
 * (deterministic) and reuses segments that are already READY.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate sample ad events and SSB, build the example cubes into the embedded HBase and serve "
                + "SQL over JDBC and the PostgreSQL wire protocol (psql, ODBC) until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {
    static final String PROJECT = "ads";
    static final String CUBE = "ad_events";
    static final String SSB_PROJECT = "ssb";
    static final String SSB_CUBE = "ssb_per_query";

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

    @Option(names = "--ssb-sf", defaultValue = "0.1", description = "SSB scale factor (0 skips SSB).")
    double ssbScale;

    @Option(names = "--no-serve", description = "Build and exit instead of serving SQL.")
    boolean noServe;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("haechi.home", "."));
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
        if (ssbScale > 0) {
            out.printf("   and SSB at scale factor %s into %s%n", ssbScale, this.out.resolve("ssb").toAbsolutePath());
            out.flush();
            GenerationReport ssb = SsbGenerator.generate(new SsbOptions(ssbScale, this.out.resolve("ssb"),
                    OutputFormat.AVRO).withOverwrite(true).withThreads(GenCommand.threads(null)),
                    ProgressListener.forTerminal());
            if (System.console() == null) {
                out.println(ssb.summary());
            }
        }
        out.println("2. starting the store (embedded HBase unless hbase.zookeeper.quorum is set)");
        out.flush();
        HaechiContext ctx = context.open();
        boolean serving = false;
        try {
            out.println("3. applying the example models and cubes, building them");
            build(ctx, out, PROJECT, CUBE, examples(home, "ads", "cube.json"), this.out.resolve("ads"), from, to);
            if (ssbScale > 0) {
                build(ctx, out, SSB_PROJECT, SSB_CUBE, examples(home, "ssb", "cube-per-query.json"),
                        this.out.resolve("ssb"), LocalDate.of(1992, 1, 1), LocalDate.of(1999, 1, 1));
            }
            out.println();
            out.println("Data:       " + ctx.settings().dataDir().toAbsolutePath());
            out.println("Projects:   " + PROJECT + " (cube " + CUBE + ")" + (ssbScale > 0 ? ", " + SSB_PROJECT
                    + " (cube " + SSB_CUBE + ")" : ""));
            if (noServe) {
                out.println("Segments:   ./haechi segments -p " + PROJECT);
                out.println("SQL:        ./haechi sql -p " + PROJECT + " \"" + EXAMPLES.get(0) + "\"");
                return ExitCodes.OK;
            }
            Serving.Endpoints endpoints = Serving.start(ctx, out);
            serving = true;
            out.println("Try (project " + PROJECT + "):");
            for (String q : EXAMPLES) {
                out.println("  " + q + ";");
            }
            out.println("Open the web UI to browse the projects, tables, cubes, segments and jobs, and query in Insight.");
            Serving.serveUntilStopped(out, endpoints, ctx);
            return ExitCodes.OK;
        } finally {
            if (!serving) {
                ctx.close();
            }
        }
    }

    static final List<String> EXAMPLES = List.of(
            "select event_date, sum(impressions) imps, sum(clicks) * 1.0 / sum(impressions) ctr from ad_event "
                    + "group by event_date order by event_date",
            "select region, count(distinct user_id) reach from ad_event where advertiser_id = 66 group by region "
                    + "order by reach desc",
            "explain plan for select a.vertical, sum(cost_micros) cost from ad_event e join advertiser a "
                    + "using (advertiser_id) group by a.vertical");

    private static List<Path> examples(Path home, String dir, String cube) {
        Path d = home.resolve("examples").resolve(dir);
        return List.of(d.resolve("tables.json"), d.resolve("model.json"), d.resolve(cube));
    }

    private void build(HaechiContext ctx, PrintWriter out, String project, String cube, List<Path> files,
            Path data, LocalDate from, LocalDate to) {
        List<Descriptor> documents = new ArrayList<>();
        DescriptorSet.readDocuments(files, documents);
        documents = relocated(documents, data);
        ApplyPlan plan = ctx.catalog().plan(project, documents);
        out.println(plan.render());
        for (SegmentDesc dropped : ctx.catalog().apply(plan, true)) {
            ctx.cubeStore().dropSegment(dropped.storageId());
        }
        JobListener progress = BuildProgress.forTerminal(out);
        BuildService builds = ctx.builds(progress);
        Optional<Versioned<SegmentDesc>> existing = ctx.catalog().segment(project, cube,
                SegmentDesc.nameOf(from, to));
        if (existing.isPresent() && existing.get().value().status() == SegmentStatus.BUILDING) {
            out.println("   discarding the unfinished build " + existing.get().value().jobId());
            builds.discard(existing.get().value().jobId());
            existing = Optional.empty();
        }
        if (existing.isPresent()) {
            out.println("   " + project + ": segment " + existing.get().value().name() + " of " + cube
                    + " is already built");
            return;
        }
        out.printf("   %s: building cube %s for [%s, %s)%n", project, cube, from, to);
        out.flush();
        BuildOutcome outcome = builds.run(builds.start(project, cube, from, to), progress);
        out.printf("   %,d source rows -> %,d cuboid rows in %d cuboids, %,d bytes in HBase (%.0f rows/s)%n",
                outcome.report().factRows(), outcome.report().cuboidRows(), outcome.segment().rowsPerCuboid().size(),
                outcome.segment().bytesStored(), outcome.report().rowsPerSecond());
    }
    /** The example tables point at data/...; the demo points them at where it generated the data. */
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
