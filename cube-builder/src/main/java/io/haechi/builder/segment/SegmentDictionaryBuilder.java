package io.haechi.builder.segment;

import io.haechi.model.cube.ResolvedDimension;
import io.haechi.model.dict.DimensionEncoding;
import io.haechi.model.dict.EncodingSpec;
import io.haechi.model.dict.OrderedDictionary;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.segment.DimensionCodes;
import io.haechi.model.segment.SegmentDictionaries;
import io.haechi.model.table.DataType;
import io.haechi.model.validate.ValidatedCube;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Builds a segment's {@link SegmentDictionaries} from the distinct values the read pass saw. */
final class SegmentDictionaryBuilder {
    private SegmentDictionaryBuilder() {
    }

    /** Builds the encodings from the distinct values the read pass saw. */
    static SegmentDictionaries build(ValidatedCube cube, List<ValueInterner> dimensionValues,
            List<MeasureAdapter> measures, List<ValueInterner> measureValues) {
        List<ResolvedDimension> rowKey = cube.rowKey();
        List<DimensionCodes> dims = new ArrayList<>();
        for (int d = 0; d < rowKey.size(); d++) {
            ResolvedDimension dim = rowKey.get(d);
            Object[] values = dimensionValues.get(d).values();
            EncodingSpec spec = EncodingSpec.parse(dim.encoding().toString());
            OrderedDictionary dictionary = null;
            if (spec.kind() == EncodingSpec.Kind.DICT) {
                dictionary = OrderedDictionary.of(dim.type(), Arrays.asList(values));
            }
            DimensionEncoding encoding = spec.create(dim.type(), dictionary);
            byte[][] byId = new byte[values.length][];
            for (int i = 0; i < values.length; i++) {
                byId[i] = encoding.encode(values[i]);
            }
            Integer[] order = new Integer[values.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparing((Integer i) -> byId[i], Arrays::compareUnsigned));
            byte[][] codes = new byte[values.length][];
            int[] remap = new int[values.length];
            for (int dense = 0; dense < order.length; dense++) {
                codes[dense] = byId[order[dense]];
                remap[order[dense]] = dense;
                if (dense > 0 && Arrays.equals(codes[dense - 1], codes[dense])) {
                    throw new HaechiException(ErrorCode.BUILD_FAILED, "dimension " + dim.name() + ": two values "
                            + "encode to the same code under " + encoding.spec() + " (" + values[order[dense - 1]]
                            + ", " + values[order[dense]] + ")");
                }
            }
            dims.add(new DimensionCodes(encoding, codes, remap));
        }
        List<OrderedDictionary> dicts = new ArrayList<>();
        List<int[]> remaps = new ArrayList<>();
        for (int m = 0; m < measures.size(); m++) {
            MeasureAdapter a = measures.get(m);
            if (!a.interned()) {
                dicts.add(null);
                remaps.add(null);
                continue;
            }
            Object[] values = measureValues.get(m).values();
            DataType type = a.type().argumentType();
            OrderedDictionary dictionary = OrderedDictionary.of(type, Arrays.asList(values));
            int[] remap = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                remap[i] = dictionary.idOf(values[i]);
            }
            dicts.add(dictionary);
            remaps.add(remap);
        }
        return new SegmentDictionaries(dims, dicts, remaps);
    }

}
