package io.haechi.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.json.Descriptor;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.spi.InMemoryMetadataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private static final Path SSB = Path.of("..", "examples", "ssb");

    private final Catalog catalog = new Catalog(new InMemoryMetadataStore());

    private static List<Descriptor> read(String... files) throws IOException {
        List<Descriptor> out = new ArrayList<>();
        for (String f : files) {
            out.addAll(JsonDescriptors.readAll(Files.readString(SSB.resolve(f)), f));
        }
        return out;
    }

    private static SegmentDesc building(String cube, String from, String to) {
        LocalDate f = LocalDate.parse(from);
        LocalDate t = LocalDate.parse(to);
        return new SegmentDesc(SegmentDesc.nameOf(f, t), cube, f, t, SegmentStatus.BUILDING,
                "ssb__" + cube + "__" + SegmentDesc.nameOf(f, t), 0, "job-1", Map.of(), 0, 0, Map.of());
    }

    @Test
    void applyCreatesThenReportsUnchanged() throws IOException {
        List<Descriptor> docs = read("tables.json", "model.json", "cube-per-query.json");
        ApplyPlan first = catalog.plan("ssb", docs);
        assertThat(first.changes()).allMatch(c -> c.action() == ApplyPlan.Action.CREATE);
        catalog.apply(first, false);
        assertThat(catalog.projectExists("ssb")).isTrue();
        assertThat(catalog.tables("ssb")).extracting(t -> t.value().name())
                .containsExactlyInAnyOrder("lineorder", "dates", "customer", "supplier", "part");
        assertThat(catalog.requireCube("ssb", "ssb_per_query").value().name()).isEqualTo("ssb_per_query");

        ApplyPlan second = catalog.plan("ssb", docs);
        assertThat(second.hasChanges()).isFalse();
        assertThat(second.render()).contains("= cube ssb_per_query (unchanged)");
    }

    @Test
    void anInvalidCubeAppliesNothing() throws IOException {
        List<Descriptor> docs = new ArrayList<>(read("tables.json", "model.json"));
        String cube = Files.readString(SSB.resolve("cube-per-query.json")).replace("\"lo_revenue\"", "\"lo_nope\"");
        docs.addAll(JsonDescriptors.readAll(cube, "bad-cube.json"));
        assertThatThrownBy(() -> catalog.plan("ssb", docs))
                .isInstanceOf(HaechiException.class)
                .hasMessageContaining("nothing was applied")
                .hasMessageContaining("lo_nope");
        assertThat(catalog.projects()).isEmpty();
    }

    @Test
    void aCubeChangeThatInvalidatesSegmentsIsRefusedUnlessDropped() throws IOException {
        catalog.apply(catalog.plan("ssb", read("tables.json", "model.json", "cube-per-query.json")), false);
        Versioned<SegmentDesc> seg = catalog.createSegment("ssb", building("ssb_per_query", "1992-01-01",
                "1993-01-01"));
        catalog.commitSegment("ssb", seg, seg.value().ready(2, Map.of(7L, 10L), 100, 1000));

        String changed = Files.readString(SSB.resolve("cube-per-query.json"))
                .replaceFirst("\"name\": \"ssb_per_query\"", "\"name\": \"ssb_per_query\"");
        List<Descriptor> docs = new ArrayList<>(read("tables.json", "model.json"));
        List<Descriptor> cube = JsonDescriptors.readAll(changed, "cube");
        Descriptor.Cube c = (Descriptor.Cube) cube.get(0);
        var desc = c.cube();
        var shorter = new io.haechi.model.cube.CubeDesc(desc.name(), desc.model(), desc.dimensions(),
                desc.measures().subList(0, desc.measures().size() - 1), desc.aggregationGroups(),
                desc.mandatoryCuboids(), desc.rowKey(), desc.shardBy());
        docs.add(new Descriptor.Cube(shorter));
        ApplyPlan plan = catalog.plan("ssb", docs);
        assertThat(plan.invalidatedSegments()).containsExactly("ssb_per_query/19920101_19930101");
        assertThatThrownBy(() -> catalog.apply(plan, false))
                .satisfies(e -> assertThat(((HaechiException) e).errorCode())
                        .isEqualTo(ErrorCode.CHANGE_INVALIDATES_SEGMENTS));
        assertThat(catalog.segments("ssb", Optional.empty())).hasSize(1);

        List<SegmentDesc> dropped = catalog.apply(plan, true);
        assertThat(dropped).extracting(SegmentDesc::name).containsExactly("19920101_19930101");
        assertThat(catalog.segments("ssb", Optional.empty())).isEmpty();
        assertThat(catalog.requireCube("ssb", "ssb_per_query").value().measures()).hasSize(desc.measures().size() - 1);
    }

    @Test
    void overlappingSegmentsAreRefusedAndReadyFlipIsOneUpdate() throws IOException {
        catalog.apply(catalog.plan("ssb", read("tables.json", "model.json", "cube-per-query.json")), false);
        Versioned<SegmentDesc> seg = catalog.createSegment("ssb", building("ssb_per_query", "1992-01-01",
                "1992-07-01"));
        assertThatThrownBy(() -> catalog.createSegment("ssb", building("ssb_per_query", "1992-06-01", "1993-01-01")))
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.SEGMENT_OVERLAP))
                .hasMessageContaining("19920101_19920701");
        assertThat(catalog.readySegments("ssb", "ssb_per_query", LocalDate.parse("1992-01-01"),
                LocalDate.parse("1999-01-01"))).isEmpty();
        catalog.commitSegment("ssb", seg, seg.value().ready(1, Map.of(1L, 5L), 50, 500), new byte[] {1, 2, 3});
        assertThat(catalog.segmentDictionaries("ssb", seg.value())).containsExactly(1, 2, 3);
        assertThat(catalog.readySegments("ssb", "ssb_per_query", LocalDate.parse("1992-01-01"),
                LocalDate.parse("1999-01-01"))).extracting(SegmentDesc::totalRows).containsExactly(5L);
        assertThatThrownBy(() -> catalog.commitSegment("ssb", seg, seg.value().ready(1, Map.of(), 0, 0)))
                .satisfies(e -> assertThat(((HaechiException) e).errorCode())
                        .isEqualTo(ErrorCode.METADATA_CONFLICT));
    }

    @Test
    void deleteChecksTheVersionAndWhatUsesTheDocument() throws IOException {
        catalog.apply(catalog.plan("ssb", read("tables.json", "model.json", "cube-per-query.json")), false);
        long tableVersion = catalog.table("ssb", "dates").orElseThrow().version();
        assertThatThrownBy(() -> catalog.delete("ssb", "table", "dates", tableVersion, false))
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.DESCRIPTOR_IN_USE))
                .hasMessageContaining("model 'ssb'");
        long modelVersion = catalog.model("ssb", "ssb").orElseThrow().version();
        assertThatThrownBy(() -> catalog.delete("ssb", "model", "ssb", modelVersion, false))
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.DESCRIPTOR_IN_USE))
                .hasMessageContaining("cube 'ssb_per_query'");

        Versioned<SegmentDesc> seg = catalog.createSegment("ssb", building("ssb_per_query", "1992-01-01",
                "1993-01-01"));
        long building = catalog.requireCube("ssb", "ssb_per_query").version();
        assertThatThrownBy(() -> catalog.delete("ssb", "cube", "ssb_per_query", building, true))
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.JOB_STATE_CONFLICT))
                .hasMessageContaining("job-1");
        catalog.commitSegment("ssb", seg, seg.value().ready(2, Map.of(7L, 10L), 100, 1000), new byte[] {1});
        long cubeVersion = catalog.requireCube("ssb", "ssb_per_query").version();
        assertThatThrownBy(() -> catalog.delete("ssb", "cube", "ssb_per_query", cubeVersion - 1, true))
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.METADATA_CONFLICT));
        assertThatThrownBy(() -> catalog.delete("ssb", "cube", "ssb_per_query", cubeVersion, false))
                .satisfies(e -> assertThat(((HaechiException) e).errorCode())
                        .isEqualTo(ErrorCode.CHANGE_INVALIDATES_SEGMENTS));
        assertThat(catalog.cube("ssb", "ssb_per_query")).isPresent();

        assertThat(catalog.delete("ssb", "cube", "ssb_per_query", cubeVersion, true)).extracting(SegmentDesc::name)
                .containsExactly("19920101_19930101");
        assertThat(catalog.cube("ssb", "ssb_per_query")).isEmpty();
        assertThat(catalog.segments("ssb", Optional.empty())).isEmpty();
        assertThat(catalog.segmentDictionaries("ssb", seg.value())).isEmpty();
        catalog.delete("ssb", "model", "ssb", modelVersion, false);
        catalog.delete("ssb", "table", "dates", tableVersion, false);
        assertThat(catalog.tables("ssb")).extracting(t -> t.value().name()).doesNotContain("dates");
        assertThatThrownBy(() -> catalog.delete("ssb", "table", "dates", tableVersion, false))
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.METADATA_NOT_FOUND));
    }

    @Test
    void aRefusedPlanCarriesEveryIssueWithItsQualifiedPath() throws IOException {
        List<Descriptor> docs = new ArrayList<>(read("tables.json", "model.json"));
        String cube = Files.readString(SSB.resolve("cube-per-query.json")).replace("\"lo_revenue\"", "\"lo_nope\"");
        docs.addAll(JsonDescriptors.readAll(cube, "bad-cube.json"));
        HaechiException e = (HaechiException) org.assertj.core.api.Assertions.catchThrowable(
                () -> catalog.plan("ssb", docs));
        assertThat(e.issues()).isNotEmpty().allSatisfy(i -> assertThat(i.path()).startsWith("cube 'ssb_per_query'."))
                .anySatisfy(i -> assertThat(i.message()).contains("lo_nope"));
    }
}
