package io.haechi.datagen.ssb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Domain checks on the dimension generators at SF1, in memory (no files). */
class SsbDimensionsTest {
    @Test
    void sf1CustomersAndSuppliersCoverThe250Cities() {
        Set<String> cities = new HashSet<>();
        Map<String, String> regionOfNation = new HashMap<>();
        List<Object[]> customers = new ArrayList<>();
        CustomerRows.generateCustomers(SsbScale.of(1), customers::add);
        CustomerRows.generateSuppliers(SsbScale.of(1), r -> cities.add((String) r[3]));
        assertThat(customers).hasSize(30_000);
        for (Object[] c : customers) {
            String city = (String) c[3];
            String nation = (String) c[4];
            cities.add(city);
            assertThat(city).hasSize(10).matches(".{9}[0-9]");
            assertThat(city.substring(0, 9).strip()).isEqualTo(nation.length() > 9 ? nation.substring(0, 9)
                    : nation);
            assertThat(regionOfNation.computeIfAbsent(nation, n -> (String) c[5])).isEqualTo(c[5]);
            assertThat((String) c[6]).matches("[0-9]{2}-[0-9]{3}-[0-9]{3}-[0-9]{4}");
            int nationIndex = SsbText.NATIONS.indexOf(nation);
            assertThat(Integer.parseInt(((String) c[6]).substring(0, 2))).isEqualTo(10 + nationIndex);
            assertThat(((String) c[2]).length()).isBetween(6, 24);
        }
        assertThat(cities).hasSize(250).contains("UNITED KI1", "CHINA    3", "MOZAMBIQU7");
        assertThat(regionOfNation).hasSize(25).containsEntry("EGYPT", "MIDDLE EAST").containsEntry("PERU", "AMERICA")
                .containsEntry("UNITED KINGDOM", "EUROPE").containsEntry("CHINA", "ASIA");
        assertThat(customers.get(0)[1]).isEqualTo("Customer#000000001");
    }

    @Test
    void sf1PartsHaveTheThousandUnpaddedBrands() {
        Set<String> brands = new HashSet<>();
        Set<String> types = new HashSet<>();
        Set<String> containers = new HashSet<>();
        PartRows.generate(SsbScale.of(1), r -> {
            String mfgr = (String) r[2];
            String category = (String) r[3];
            String brand = (String) r[4];
            assertThat(mfgr).matches("MFGR#[1-5]");
            assertThat(category).startsWith(mfgr).matches("MFGR#[1-5][1-5]");
            assertThat(brand).startsWith(category).matches("MFGR#[1-5][1-5]([1-9]|[1-3][0-9]|40)");
            String[] name = ((String) r[1]).split(" ");
            assertThat(name).hasSize(2).doesNotContain((String) r[5]);
            assertThat(name[0]).isNotEqualTo(name[1]);
            assertThat((Integer) r[7]).isBetween(1, 50);
            brands.add(brand);
            types.add((String) r[6]);
            containers.add((String) r[8]);
        });
        assertThat(brands).hasSize(1000).contains("MFGR#121", "MFGR#1240", "MFGR#2221", "MFGR#2239");
        assertThat(types).hasSize(150);
        assertThat(containers).hasSize(40);
        assertThat(SsbText.COLORS).hasSize(92).doesNotHaveDuplicates();
    }
}
