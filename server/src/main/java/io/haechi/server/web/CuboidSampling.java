package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.builder.segment.CuboidSampler;
import io.haechi.builder.source.DateInterval;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import io.haechi.server.runtime.HaechiContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The on-demand sampling pass behind {@code estimate=sample}: the fact rows of a range read through the model's joins
 * and sketched per cuboid ({@link CuboidSampler}). One sample runs at a time (it reads the source), others wait.
 */
final class CuboidSampling {
    private final HaechiContext context;
    private final Semaphore oneAtATime = new Semaphore(1);

    CuboidSampling(HaechiContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    ObjectNode sample(Catalog catalog, String project, ValidatedCube cube, LocalDate from, LocalDate to,
            int maxRows) {
        Map<String, TableDesc> tables = new HashMap<>();
        for (Versioned<TableDesc> t : catalog.tables(project)) {
            tables.put(t.value().name(), t.value());
        }
        CuboidSampler.Sample sample;
        try {
            oneAtATime.acquire();
            try {
                sample = CuboidSampler.sample(cube, tables, context.sourceReaders(), new DateInterval(from, to),
                        maxRows);
            } finally {
                oneAtATime.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HaechiException(ErrorCode.QUERY_CANCELLED, "the sampling pass was interrupted");
        }
        CuboidEstimates figures = new CuboidEstimates();
        for (long id : cube.cuboids().ids()) {
            figures.add(cube.layout().dimensionsOf(id), sample.rowsPerCuboid().getOrDefault(id, 0L),
                    sample.bytesPerCuboid().getOrDefault(id, 0L));
        }
        String basis = String.format(Locale.ROOT, "a sampling pass over [%s, %s): %,d fact rows%s%s sketched per "
                + "cuboid with HyperLogLog (about 2%% error); bytes = rows x (row key + 6 bytes per measure), the "
                + "build's own sizing", from, to, sample.factRows(), sample.complete() ? ""
                : " (stopped at sampleRows: the figures are lower bounds)",
                sample.rejectedRows() > 0 ? ", " + sample.rejectedRows() + " source rows refused" : "");
        ObjectNode out = figures.render(cube, "sample", basis);
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("factRows", sample.factRows());
        out.put("complete", sample.complete());
        return out;
    }
}
