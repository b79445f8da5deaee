package io.haechi.datagen.ads;

import static java.util.Objects.requireNonNull;

import io.haechi.datagen.GenerationReport;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.io.OutputFiles;
import io.haechi.datagen.io.TableWriter;
import io.haechi.datagen.util.Tasks;
import io.haechi.model.table.TableDesc;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Generates the ad-event tables of ad-events.md. The fact goes to
 * {@code OUT/ad_event/event_date=YYYY-MM-DD/part-00000.<ext>}, one file per day, the days generated in parallel;
 * lookups to {@code OUT/<table>/part-00000.<ext>}. The same options (seed included) give byte-identical files
 * whatever the thread count.
 */
public final class AdsGenerator {
    public static final String NAME = "ads";

    private final AdsOptions options;
    private final AdsScale scale;
    private final AdsUniverse universe;
    private final long[] rowsPerDay;

    private AdsGenerator(AdsOptions options) {
        this.options = options;
        this.scale = AdsScale.of(options.scale(), options.days());
        this.universe = new AdsUniverse(scale, options.start(), options.seed(), options.budgetFactor());
        this.rowsPerDay = rowsPerDay(scale.factRows(), options.start(), options.days());
    }

    public static GenerationReport generate(AdsOptions options, ProgressListener progress) {
        requireNonNull(options, "options is null");
        requireNonNull(progress, "progress is null");
        return new AdsGenerator(options).run(progress);
    }

    /** The fact rows of each day: the total split by day weight (Saturday and Sunday 0.9, other days 1). */
    public static long[] rowsPerDay(long total, LocalDate start, int days) {
        double[] weights = new double[days];
        for (int d = 0; d < days; d++) {
            DayOfWeek dow = start.plusDays(d).getDayOfWeek();
            boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
            weights[d] = weekend ? AdsVocabulary.WEEKEND_FACTOR : 1.0;
        }
        return Apportion.largestRemainder(total, weights);
    }

    private GenerationReport run(ProgressListener progress) {
        long startNanos = System.nanoTime();
        OutputFiles out = new OutputFiles(options.outDir(), options.format(), AdsTables.all(), options.overwrite(),
                progress);
        long expected = scale.factRows() + scale.advertisers() + universe.campaigns()
                + universe.adGroupCampaign.length + universe.creativeAdGroup.length
                + universe.placementPublisher.length;
        progress.started(NAME, expected);
        UserPopulation users = new UserPopulation(scale.users(), options.seed());
        AdsDayGenerator days = new AdsDayGenerator(universe, users, options.seed());
        List<Callable<Void>> tasks = new ArrayList<>();
        tasks.add(() -> {
            writeLookup(out, AdsTables.advertiser(), universe::advertiserRows);
            writeLookup(out, AdsTables.campaign(), universe::campaignRows);
            writeLookup(out, AdsTables.adGroup(), universe::adGroupRows);
            writeLookup(out, AdsTables.creative(), universe::creativeRows);
            writeLookup(out, AdsTables.placement(), universe::placementRows);
            return null;
        });
        for (int d = 0; d < options.days(); d++) {
            int day = d;
            tasks.add(() -> {
                LocalDate date = options.start().plusDays(day);
                String partition = AdsTables.AD_EVENT_PARTITION_KEY + "=" + date;
                try (TableWriter w = out.open(AdsTables.adEvent(), partition, 0)) {
                    days.generate(day, rowsPerDay[day], w::write);
                }
                return null;
            });
        }
        Tasks.runAll(tasks, options.threads(), "ads-gen");
        GenerationReport report = new GenerationReport(NAME, options.outDir(), out.stats(),
                Duration.ofNanos(System.nanoTime() - startNanos));
        progress.finished(report);
        return report;
    }

    private static void writeLookup(OutputFiles out, TableDesc table,
            Consumer<Consumer<Object[]>> rows) {
        try (TableWriter w = out.open(table, 0)) {
            rows.accept(w::write);
        }
    }
}
