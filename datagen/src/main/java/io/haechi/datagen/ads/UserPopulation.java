package io.haechi.datagen.ads;

import static io.haechi.datagen.random.SplitMix64.derive;
import static io.haechi.datagen.random.SplitMix64.key;

import io.haechi.datagen.random.AliasTable;
import io.haechi.datagen.random.SplitMix64;
import io.haechi.datagen.random.ZipfSampler;
import java.util.SplittableRandom;

/**
 * The user population: {@code n} users, drawn Zipf(0.9) by activity rank, each with a fixed region, city, age band
 * and gender derived from its index alone (so any thread gets the same attributes without shared state). The
 * {@code user_id} is {@code splitmix64(index)} with the sign bit cleared: not dense, positive, collision-free in
 * practice.
 */
final class UserPopulation {
    static final double ZIPF = 0.9;

    private final long seed;
    private final ZipfSampler activity;
    private final AliasTable regions = new AliasTable(AdsVocabulary.REGION_SHARES);
    private final AliasTable[] cities;
    private final AliasTable ages = new AliasTable(AdsVocabulary.AGE_SHARES);
    private final AliasTable genders = new AliasTable(AdsVocabulary.GENDER_SHARES);

    UserPopulation(long size, long seed) {
        this.seed = derive(seed, key("user"));
        this.activity = new ZipfSampler(size, ZIPF);
        cities = new AliasTable[AdsVocabulary.REGIONS.size()];
        for (int r = 0; r < cities.length; r++) {
            cities[r] = new AliasTable(AliasTable.zipfWeights(AdsVocabulary.CITIES.get(r).size(),
                    AdsVocabulary.CITY_ZIPF));
        }
    }

    /** A user index (0-based activity rank) for one impression. */
    long draw(SplittableRandom random) {
        return activity.sample(random) - 1;
    }

    static long userId(long index) {
        return SplitMix64.mix(index) & Long.MAX_VALUE;
    }

    /** Fills {@code attributes} with region, city (within the region), age band and gender indexes of a user. */
    void attributes(long index, int[] attributes) {
        SplittableRandom r = new SplittableRandom(SplitMix64.mix(seed ^ index));
        int region = regions.sample(r);
        attributes[0] = region;
        attributes[1] = cities[region].sample(r);
        attributes[2] = ages.sample(r);
        attributes[3] = genders.sample(r);
    }
}
