package io.haechi.datagen.ssb;

import io.haechi.datagen.random.ParkMiller;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * SSB customers and suppliers. Nation and city digit come from dbgen's streams, so they match {@code dbgen}
 * exactly; the city stream is shared: suppliers consume it first, then customers (one process generating every
 * table). Names follow dbgen's pattern; addresses, phones and market segments follow its distributions only.
 */
public final class CustomerRows {
    private CustomerRows() {
    }

    public static void generateSuppliers(SsbScale scale, Consumer<Object[]> sink) {
        ParkMiller nation = new ParkMiller(SsbSeeds.SUPPLIER_NATION);
        ParkMiller city = new ParkMiller(SsbSeeds.CITY_DIGIT);
        SplittableRandom own = new SplittableRandom(SsbSeeds.OWN_SUPPLIER);
        for (long key = 1; key <= scale.suppliers(); key++) {
            int n = nation.uniformInt(0, SsbText.NATIONS.size() - 1);
            int digit = city.uniformInt(0, 9);
            sink.accept(new Object[] {
                (int) key,
                String.format(Locale.ROOT, "Supplier#%09d", key),
                address(own),
                SsbText.city(n, digit),
                SsbText.NATIONS.get(n),
                SsbText.REGIONS.get(SsbText.NATION_REGION[n]),
                phone(own, n),
            });
        }
    }

    public static void generateCustomers(SsbScale scale, Consumer<Object[]> sink) {
        ParkMiller nation = new ParkMiller(SsbSeeds.CUSTOMER_NATION);
        ParkMiller city = new ParkMiller(SsbSeeds.CITY_DIGIT);
        city.skip(scale.suppliers());
        SplittableRandom own = new SplittableRandom(SsbSeeds.OWN_CUSTOMER);
        for (long key = 1; key <= scale.customers(); key++) {
            int n = nation.uniformInt(0, SsbText.NATIONS.size() - 1);
            int digit = city.uniformInt(0, 9);
            sink.accept(new Object[] {
                (int) key,
                String.format(Locale.ROOT, "Customer#%09d", key),
                address(own),
                SsbText.city(n, digit),
                SsbText.NATIONS.get(n),
                SsbText.REGIONS.get(SsbText.NATION_REGION[n]),
                phone(own, n),
                SsbText.MARKET_SEGMENTS.get(own.nextInt(SsbText.MARKET_SEGMENTS.size())),
            });
        }
    }

    static String address(SplittableRandom random) {
        int length = random.nextInt(6, 25);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = SsbText.ADDRESS_CHARS.charAt(random.nextInt(SsbText.ADDRESS_CHARS.length()));
        }
        return new String(chars);
    }

    static String phone(SplittableRandom random, int nation) {
        return String.format(Locale.ROOT, "%02d-%03d-%03d-%04d", 10 + nation, random.nextInt(100, 1000),
                random.nextInt(100, 1000), random.nextInt(1000, 10000));
    }
}
