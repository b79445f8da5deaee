package io.haechi.server.cli;

import io.haechi.datagen.GenerationReport;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ads.AdsGenerator;
import io.haechi.datagen.ads.AdsOptions;
import io.haechi.datagen.ssb.SsbGenerator;
import io.haechi.datagen.ssb.SsbOptions;
import io.haechi.model.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code haechi demo}: the main job. Generates sample ad events and SSB data and validates the example models and
 * cubes against them; later stages (build, serve) join it as they land.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate sample ad events and SSB data and check the example cubes.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "data", description = "Where the sample data goes (default data, where the example tables point).")
    Path out;

    @Option(names = "--ads-scale", defaultValue = "0.1", description = "Ad-event scale (ADSF; 1 = 6M rows / 28 days).")
    double adsScale;

    @Option(names = "--days", defaultValue = "14", description = "Days of ad events.")
    int days;

    @Option(names = "--ssb-sf", defaultValue = "0.1", description = "SSB scale factor.")
    double ssbScaleFactor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("haechi.home", "."));
        out.printf("Generating %d days of ad events (scale %s) and SSB SF %s under %s%n", days, adsScale,
                ssbScaleFactor, this.out.toAbsolutePath());
        out.flush();
        GenerationReport ads = AdsGenerator.generate(new AdsOptions(adsScale, days, AdsOptions.DEFAULT_START,
                this.out.resolve("ads"), OutputFormat.AVRO).withOverwrite(true)
                .withThreads(GenCommand.threads(null)), ProgressListener.forTerminal());
        GenerationReport ssb = SsbGenerator.generate(new SsbOptions(ssbScaleFactor, this.out.resolve("ssb"),
                OutputFormat.AVRO).withOverwrite(true).withThreads(GenCommand.threads(null)),
                ProgressListener.forTerminal());
        if (System.console() == null) {
            out.println(ads.summary());
            out.println(ssb.summary());
        }
        Path examples = home.resolve("examples");
        boolean valid = true;
        for (List<String> files : List.of(
                List.of("ads/tables.json", "ads/model.json", "ads/cube.json"),
                List.of("ssb/tables.json", "ssb/model.json", "ssb/cube-kylin.json", "ssb/cube-per-query.json"))) {
            DescriptorSet set = DescriptorSet.read(files.stream().map(examples::resolve).toList());
            for (ValidationReport report : set.validateAll()) {
                out.println(report.summary());
                valid &= report.isValid();
            }
        }
        out.println();
        out.println("Sample data:      " + this.out.toAbsolutePath());
        out.println("Example cubes:    " + examples.toAbsolutePath());
        out.println("Next:             ./haechi validate -f examples/ads/tables.json examples/ads/model.json "
                + "examples/ads/cube.json");
        return valid ? ExitCodes.OK : ExitCodes.USER_ERROR;
    }
}
