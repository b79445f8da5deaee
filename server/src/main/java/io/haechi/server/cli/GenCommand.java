package io.haechi.server.cli;

import io.haechi.datagen.GenerationReport;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ads.AdsGenerator;
import io.haechi.datagen.ads.AdsOptions;
import io.haechi.datagen.ssb.SsbGenerator;
import io.haechi.datagen.ssb.SsbOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haechi gen ssb|ads}: the deterministic data generators. */
@Command(name = "gen", description = "Generate benchmark and sample data (Avro by default).",
        subcommands = {GenCommand.Ssb.class, GenCommand.Ads.class})
final class GenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int threads(Integer requested) {
        return requested != null ? requested : Math.max(1, Math.min(64, Runtime.getRuntime().availableProcessors()));
    }

    @Command(name = "ssb", mixinStandardHelpOptions = true,
            description = "The Star Schema Benchmark tables; exact mode reproduces 'dbgen -s SF' row for row.")
    static final class Ssb implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--sf", required = true, description = "Scale factor, e.g. 1, 10 or 0.01.")
        double scaleFactor;

        @Option(names = "--out", required = true, description = "Output directory (one sub-directory per table).")
        Path out;

        @Option(names = "--format", defaultValue = "avro", description = "avro (default) or csv.")
        String format;

        @Option(names = "--overwrite", description = "Replace existing table directories.")
        boolean overwrite;

        @Option(names = "--threads", description = "Worker threads (default: the cores); output does not depend on it.")
        Integer threads;

        @Override
        public Integer call() {
            SsbOptions options = new SsbOptions(scaleFactor, out, OutputFormat.parse(format))
                    .withOverwrite(overwrite).withThreads(threads(threads));
            GenerationReport report = SsbGenerator.generate(options, ProgressListener.forTerminal());
            if (System.console() == null) {
                spec.commandLine().getOut().println(report.summary());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "ads", mixinStandardHelpOptions = true,
            description = "Ad events (one row per impression, with clicks and conversions) and their lookup tables.")
    static final class Ads implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--scale", defaultValue = "1", description = "ADSF: 6,000,000 rows per 28 days at 1.")
        double scale;

        @Option(names = "--days", defaultValue = "28", description = "Number of days.")
        int days;

        @Option(names = "--start", description = "First event date, yyyy-MM-dd (default 2024-01-01).")
        LocalDate start;

        @Option(names = "--out", required = true, description = "Output directory (one sub-directory per table).")
        Path out;

        @Option(names = "--format", defaultValue = "avro", description = "avro (default) or csv.")
        String format;

        @Option(names = "--seed", description = "Random seed; the same seed and arguments give byte-identical files.")
        Long seed;

        @Option(names = "--overwrite", description = "Replace existing table directories.")
        boolean overwrite;

        @Option(names = "--threads", description = "Worker threads (default: the cores); output does not depend on it.")
        Integer threads;

        @Override
        public Integer call() {
            AdsOptions options = new AdsOptions(scale, days, start != null ? start : AdsOptions.DEFAULT_START, out,
                    OutputFormat.parse(format)).withOverwrite(overwrite).withThreads(threads(threads));
            if (seed != null) {
                options = options.withSeed(seed);
            }
            GenerationReport report = AdsGenerator.generate(options, ProgressListener.forTerminal());
            if (System.console() == null) {
                spec.commandLine().getOut().println(report.summary());
            }
            return ExitCodes.OK;
        }
    }
}
