package io.haechi.datagen.ads;

import static io.haechi.datagen.random.SplitMix64.derive;
import static io.haechi.datagen.random.SplitMix64.key;

import io.haechi.datagen.random.AliasTable;
import io.haechi.datagen.random.Distributions;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates one day of {@code ad_event} rows, hour by hour. Each hour is a block with its own
 * {@code SplittableRandom} seeded from (seed, table, day, hour). Campaigns active that day compete by their Zipf
 * weight; a campaign whose spend reaches its daily budget stops serving for the rest of the day and its
 * impressions go to the other campaigns (budget pacing). Only when every active campaign has spent its budget are
 * impressions served over budget, so that the day keeps its row count.
 */
final class AdsDayGenerator {
    private static final double CTR_CAP = 0.20;

    private final AdsUniverse universe;
    private final UserPopulation users;
    private final long seed;
    private final AliasTable devices = new AliasTable(AdsVocabulary.DEVICE_SHARES);
    private final AliasTable[] osByDevice;
    private final double[] hourFactor;
    private final String[][] cityNames;

    AdsDayGenerator(AdsUniverse universe, UserPopulation users, long seed) {
        this.universe = universe;
        this.users = users;
        this.seed = seed;
        osByDevice = new AliasTable[AdsVocabulary.OS_SHARES.length];
        for (int d = 0; d < osByDevice.length; d++) {
            osByDevice[d] = new AliasTable(AdsVocabulary.OS_SHARES[d]);
        }
        hourFactor = hourFactors();
        cityNames = new String[AdsVocabulary.REGIONS.size()][];
        for (int r = 0; r < cityNames.length; r++) {
            cityNames[r] = AdsVocabulary.CITIES.get(r).toArray(new String[0]);
        }
    }

    /** Clearing prices follow demand: (hour weight / mean weight)^0.25, from 0.64 at 4am to 1.13 at 10pm. */
    static double[] hourFactors() {
        double[] w = AdsVocabulary.HOUR_WEIGHTS;
        double mean = Arrays.stream(w).sum() / w.length;
        double[] f = new double[w.length];
        for (int h = 0; h < w.length; h++) {
            f[h] = Math.pow(w[h] / mean, 0.25);
        }
        return f;
    }

    /** Splits a day's rows over the 24 hours by the hour weights (largest remainder, so it sums exactly). */
    static long[] rowsPerHour(long rows) {
        return Apportion.largestRemainder(rows, AdsVocabulary.HOUR_WEIGHTS);
    }

    /**
     * Writes the rows of day {@code day} (0-based from the start date).
     *
     * @return the number of campaign budgets exhausted during the day
     */
    int generate(int day, long rows, Consumer<Object[]> sink) {
        AdsUniverse u = universe;
        LocalDate date = u.start.plusDays(day);
        int nc = u.campaigns();
        double[] weights = new double[nc];
        boolean any = false;
        for (int c = 0; c < nc; c++) {
            if (u.campaignFirstDay[c] <= day && day <= u.campaignLastDay[c]) {
                weights[c] = u.campaignWeight[c];
                any = true;
            }
        }
        if (!any) {
            Arrays.fill(weights, 1.0); // cannot happen with always-on campaigns, but never divide by nothing
        }
        AliasTable campaigns = new AliasTable(weights);
        long[] spent = new long[nc];
        boolean[] exhausted = new boolean[nc];
        boolean allExhausted = false;
        int exhaustedCount = 0;
        int[] userAttributes = new int[4];
        long[] perHour = rowsPerHour(rows);
        long epochDay = date.toEpochDay();
        for (int hour = 0; hour < 24; hour++) {
            SplittableRandom r = new SplittableRandom(derive(seed, key(AdsTables.AD_EVENT), epochDay, hour));
            Integer hourValue = hour;
            double factor = hourFactor[hour];
            for (long i = 0; i < perHour[hour]; i++) {
                int c = campaigns.sample(r);
                while (exhausted[c] && !allExhausted) {
                    // budget spent: drop the campaign from the auction for the rest of the day
                    double total = 0;
                    for (int k = 0; k < nc; k++) {
                        if (exhausted[k]) {
                            weights[k] = 0;
                        }
                        total += weights[k];
                    }
                    if (total > 0) {
                        campaigns = new AliasTable(weights);
                        c = campaigns.sample(r);
                    } else {
                        allExhausted = true; // every budget spent: over-deliver rather than lose the row
                    }
                }
                int group = u.pickChild(u.campaignFirstAdGroup, c, r);
                int creative = u.pickChild(u.adGroupFirstCreative, group, r);
                int publisher = u.publisherShare.sample(r);
                int placement = u.pickChild(u.publisherFirstPlacement, publisher, r);
                int device = devices.sample(r);
                int os = osByDevice[device].sample(r);
                long user = users.draw(r);
                users.attributes(user, userAttributes);

                double ctr = u.creativeCtr[creative] * u.placementCtrFactor[placement];
                if (device == AdsVocabulary.PC) {
                    ctr *= AdsVocabulary.PC_CTR_FACTOR;
                }
                boolean click = r.nextDouble() < Math.min(CTR_CAP, ctr);
                boolean conversion = click && r.nextDouble() < u.campaignCvr[c];
                long cost;
                if (u.isCpc(c)) {
                    cost = click ? Math.round(u.campaignCpc[c] * 1_000_000) : 0;
                } else {
                    // CPM and oCPA are billed per impression: clearing CPM / 1000 KRW, in micros
                    cost = Math.round(u.campaignCpm[c] * factor * 1_000);
                }
                long value = 0;
                if (conversion && u.advertiserCommerce[u.campaignAdvertiser[c]]) {
                    value = Math.round(Distributions.logNormal(r, 30_000, 1.0)) * 1_000_000L;
                }
                spent[c] += cost;
                if (!exhausted[c] && spent[c] >= u.campaignBudgetMicros[c]) {
                    exhausted[c] = true;
                    exhaustedCount++;
                }
                int region = userAttributes[0];
                sink.accept(new Object[] {
                    date,
                    hourValue,
                    u.campaignAdvertiser[c] + 1,
                    c + 1,
                    group + 1,
                    creative + 1,
                    publisher + 1,
                    placement + 1,
                    AdsVocabulary.DEVICES.get(device),
                    AdsVocabulary.OS.get(os),
                    AdsVocabulary.REGIONS.get(region),
                    cityNames[region][userAttributes[1]],
                    AdsVocabulary.AGE_BANDS.get(userAttributes[2]),
                    AdsVocabulary.GENDERS.get(userAttributes[3]),
                    UserPopulation.userId(user),
                    1,
                    click ? 1 : 0,
                    conversion ? 1 : 0,
                    cost,
                    value,
                });
            }
        }
        return exhaustedCount;
    }
}
