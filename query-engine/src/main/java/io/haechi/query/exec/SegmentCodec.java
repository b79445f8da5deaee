package io.haechi.query.exec;

import static java.util.Objects.requireNonNull;

import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.cube.ResolvedMeasure;
import io.haechi.model.dict.DimensionEncoding;
import io.haechi.model.measure.MeasureType;
import io.haechi.model.measure.MeasureTypes;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.segment.SegmentDictionaries;
import io.haechi.model.spi.ScanLayout;
import io.haechi.model.validate.ValidatedCube;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One READY segment's codecs: its dimension encodings, row-key codec and scan layout. */
public final class SegmentCodec {
    private final SegmentDesc segment;
    private final RowKeyCodec keys;
    private final ScanLayout layout;
    private final List<Integer> cardinalities;

    public SegmentCodec(SegmentDesc segment, ValidatedCube cube, SegmentDictionaries dictionaries) {
        this.segment = requireNonNull(segment, "segment is null");
        List<DimensionEncoding> encodings = dictionaries.encodings();
        this.keys = new RowKeyCodec(encodings, segment.shardCount(),
                cube.cube().shardBy().map(n -> cube.layout().position(n)).orElse(-1));
        List<ScanLayout.MeasureSpec> specs = new ArrayList<>();
        for (ResolvedMeasure m : cube.measures()) {
            specs.add(new ScanLayout.MeasureSpec(m.desc().function().name(),
                    m.argument().map(a -> a.type()).orElse(null), Map.of()));
        }
        this.layout = new ScanLayout(encodings.stream().map(DimensionEncoding::width).toList(), segment.shardCount(),
                specs);
        this.cardinalities = dictionaries.dimensions().stream().map(d -> d.cardinality()).toList();
    }

    public SegmentDesc segment() {
        return segment;
    }

    public RowKeyCodec keys() {
        return keys;
    }

    public ScanLayout layout() {
        return layout;
    }

    /** The aggregator and codec of a cube measure, as the builder stored its states. */
    public static MeasureType measureType(ResolvedMeasure measure) {
        return MeasureTypes.create(measure.desc().function().name(),
                measure.argument().map(a -> a.type()).orElse(null));
    }

    public DimensionEncoding encoding(int position) {
        return keys.dimensions().get(position);
    }

    /** Distinct values of the row-key dimension at {@code position} in this segment (NULL included). */
    public int cardinality(int position) {
        return cardinalities.get(position);
    }
}
