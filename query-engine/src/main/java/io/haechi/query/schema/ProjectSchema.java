package io.haechi.query.schema;

import static java.util.Objects.requireNonNull;

import io.haechi.model.star.StarSchema;
import io.haechi.model.table.TableDesc;
import io.haechi.query.meta.ProjectSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** A project's tables under their registered names, fact tables with their models' computed columns. */
public final class ProjectSchema extends AbstractSchema {
    private final Map<String, Table> tables;

    public ProjectSchema(ProjectSnapshot snapshot, RawTableSource source) {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(source, "source is null");
        Map<String, Table> map = new LinkedHashMap<>();
        for (TableDesc t : snapshot.tables().values()) {
            List<StarSchema.ComputedColumn> computed = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (StarSchema model : snapshot.modelsWithFact(t.name())) {
                for (StarSchema.ComputedColumn c : model.computedColumns()) {
                    if (t.column(c.desc().name()).isEmpty() && seen.add(c.desc().name().toLowerCase(Locale.ROOT))) {
                        computed.add(c);
                    }
                }
            }
            map.put(t.name(), new SourceTable(snapshot, t, computed, source));
        }
        this.tables = Map.copyOf(map);
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
