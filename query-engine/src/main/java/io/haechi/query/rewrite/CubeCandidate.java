package io.haechi.query.rewrite;

import io.haechi.query.exec.CubeScanSpec;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A cube that can answer an aggregate, with the scan it would run.
 *
 * @param spec the scan
 * @param outputTypes the scan's output field types (groups, then measures)
 * @param calls how each aggregate call is computed from the scan's measure fields
 * @param cost estimated rows read
 * @param assumptions what the answer assumes (e.g. complete foreign keys)
 */
record CubeCandidate(CubeScanSpec spec, List<RelDataType> outputTypes, List<CallPlan> calls, double cost,
        List<String> assumptions) {

    /**
     * One aggregate call as a signed sum of measure fields (one term for a plain measure).
     *
     * @param terms the measure field indexes (into the scan's measures), with their signs
     * @param zeroIfNull SUM0 and COUNT: NULL (no rows) becomes 0
     */
    record CallPlan(List<int[]> terms, boolean zeroIfNull) {
    }
}
