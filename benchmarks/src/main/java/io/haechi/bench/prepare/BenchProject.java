package io.haechi.bench.prepare;

import io.haechi.datagen.ads.AdsOptions;
import java.time.LocalDate;
import java.util.List;

/**
 * A project the benchmarks build and query: the example descriptors it applies (their tables' {@code data/...}
 * locations moved to the generated data), its cube and the segment range built.
 *
 * @param name the project, e.g. {@code ssb_b}
 * @param dataset {@code ssb} or {@code ads}: the example directory and the generated data it reads
 * @param files the example files under {@code examples/<dataset>/}
 * @param cube the cube name
 * @param from the first day of the segment
 * @param to the day after its last
 * @param title what the report calls it
 */
public record BenchProject(String name, String dataset, List<String> files, String cube, LocalDate from,
        LocalDate to, String title) {
    public BenchProject {
        files = List.copyOf(files);
    }

    static final LocalDate SSB_FROM = LocalDate.of(1992, 1, 1);
    static final LocalDate SSB_TO = LocalDate.of(1999, 1, 1);

    /** SSB design B (ssb.md section 4): one exact cuboid per query shape. */
    public static BenchProject ssbB() {
        return new BenchProject("ssb_b", "ssb", List.of("tables.json", "model.json", "cube-per-query.json"),
                "ssb_per_query", SSB_FROM, SSB_TO, "SSB design B (cube-per-query.json, 12 query cuboids)");
    }

    /** SSB design A: Kylin's SSB cube, 199 cuboids. */
    public static BenchProject ssbA() {
        return new BenchProject("ssb_a", "ssb", List.of("tables.json", "model.json", "cube-kylin.json"),
                "ssb_kylin", SSB_FROM, SSB_TO, "SSB design A (cube-kylin.json, Kylin's 199 cuboids)");
    }

    /** The ad-event cube over {@code days} generated days from ad-events' default start. */
    public static BenchProject ads(int days) {
        return new BenchProject("ads", "ads", List.of("tables.json", "model.json", "cube.json"), "ad_events",
                AdsOptions.DEFAULT_START, AdsOptions.DEFAULT_START.plusDays(days), "ads (examples/ads, 71 cuboids)");
    }

    public static BenchProject named(String name, int adsDays) {
        return switch (name) {
            case "ssb_b" -> ssbB();
            case "ssb_a" -> ssbA();
            case "ads" -> ads(adsDays);
            default -> throw new IllegalArgumentException("unknown benchmark project " + name
                    + " (ssb_b, ssb_a, ads)");
        };
    }
}
