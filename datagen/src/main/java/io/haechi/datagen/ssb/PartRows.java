package io.haechi.datagen.ssb;

import io.haechi.datagen.random.ParkMiller;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * SSB parts. Manufacturer, category and brand come from dbgen's streams (exact); brands are not zero-padded
 * ({@code MFGR#121}..{@code MFGR#1240}). Name, colour, type, size and container follow dbgen's distributions.
 */
public final class PartRows {
    private PartRows() {
    }

    public static void generate(SsbScale scale, Consumer<Object[]> sink) {
        ParkMiller mfgr = new ParkMiller(SsbSeeds.PART_MFGR);
        ParkMiller category = new ParkMiller(SsbSeeds.PART_CATEGORY);
        ParkMiller brand = new ParkMiller(SsbSeeds.PART_BRAND);
        SplittableRandom own = new SplittableRandom(SsbSeeds.OWN_PART);
        List<String> colors = SsbText.COLORS;
        for (long key = 1; key <= scale.parts(); key++) {
            int m = mfgr.uniformInt(1, 5);
            int c = category.uniformInt(1, 5);
            int b = brand.uniformInt(1, 40);
            int first = own.nextInt(colors.size());
            int second;
            do {
                second = own.nextInt(colors.size());
            } while (second == first);
            int third;
            do {
                third = own.nextInt(colors.size());
            } while (third == first || third == second);
            String cat = "MFGR#" + m + c;
            sink.accept(new Object[] {
                (int) key,
                colors.get(second) + " " + colors.get(third),
                "MFGR#" + m,
                cat,
                cat + b,
                colors.get(first),
                pick(own, SsbText.TYPE_SIZES) + " " + pick(own, SsbText.TYPE_FINISHES) + " "
                        + pick(own, SsbText.TYPE_METALS),
                own.nextInt(1, 51),
                pick(own, SsbText.CONTAINER_SIZES) + " " + pick(own, SsbText.CONTAINER_KINDS),
            });
        }
    }

    private static String pick(SplittableRandom random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
