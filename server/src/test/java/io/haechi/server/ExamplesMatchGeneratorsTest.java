package io.haechi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.datagen.ads.AdsTables;
import io.haechi.datagen.ssb.SsbTables;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.table.TypeName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example table descriptors must describe exactly what the generators write, or builds of the demo reject rows. */
class ExamplesMatchGeneratorsTest {
    private static List<TableDesc> example(String set) throws IOException {
        Path file = Path.of("..", "examples", set, "tables.json");
        return JsonDescriptors.readTables(Files.readString(file), file.toString());
    }

    private static void assertCompatible(List<TableDesc> examples, List<TableDesc> generated) {
        assertThat(examples).isNotEmpty();
        for (TableDesc e : examples) {
            TableDesc g = generated.stream().filter(t -> t.name().equals(e.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("the generator writes no table " + e.name()));
            assertThat(e.columns()).extracting(ColumnDesc::name)
                    .as("columns of %s", e.name())
                    .containsExactlyElementsOf(g.columns().stream().map(ColumnDesc::name).toList());
            for (ColumnDesc c : e.columns()) {
                ColumnDesc gc = g.column(c.name()).orElseThrow();
                assertThat(c.type().name()).as("type of %s.%s", e.name(), c.name()).isEqualTo(gc.type().name());
                if (c.type().name() == TypeName.VARCHAR && c.type().precision() > 0) {
                    assertThat(c.type().precision()).as("length of %s.%s", e.name(), c.name())
                            .isGreaterThanOrEqualTo(gc.type().precision());
                }
                assertThat(c.nullable() || !gc.nullable()).as("nullability of %s.%s", e.name(), c.name()).isTrue();
            }
        }
    }

    @Test
    void ssbExamplesMatchTheSsbGenerator() throws IOException {
        assertCompatible(example("ssb"), SsbTables.all());
    }

    @Test
    void adsExamplesMatchTheAdsGenerator() throws IOException {
        assertCompatible(example("ads"), AdsTables.all());
    }
}
