package io.haechi.query.meta;

import static java.util.Objects.requireNonNull;

import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.SegmentStatus;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.star.StarSchema;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import io.haechi.model.validate.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One project's metadata as of one read of the catalog. Immutable; its {@link #signature()} changes whenever a table,
 * model, cube or segment document changes, so plans and results cached under it never outlive what they used.
 */
public final class ProjectSnapshot {
    private final String project;
    private final String signature;
    private final Map<String, TableDesc> tables;
    private final List<StarSchema> models;
    private final List<CubeView> cubes;

    /** Validation results by the versions they were computed from, reused by the next load while unchanged. */
    private final Map<String, StarSchema> validModels;
    private final Map<String, ValidatedCube> validCubes;

    private ProjectSnapshot(String project, String signature, Map<String, TableDesc> tables, List<StarSchema> models,
            List<CubeView> cubes, Map<String, StarSchema> validModels, Map<String, ValidatedCube> validCubes) {
        this.project = requireNonNull(project, "project is null");
        this.signature = requireNonNull(signature, "signature is null");
        this.tables = Map.copyOf(tables);
        this.models = List.copyOf(models);
        this.cubes = List.copyOf(cubes);
        this.validModels = Map.copyOf(validModels);
        this.validCubes = Map.copyOf(validCubes);
    }

    /** Reads the project from the catalog; models or cubes that no longer validate are left out (not queryable). */
    public static ProjectSnapshot load(Catalog catalog, String project) {
        return load(catalog, project, null);
    }

    /**
     * Reads the project again; models and cubes whose own and tables' versions are those {@code previous} validated
     * are taken from it instead of being validated again (the query path refreshes every second).
     */
    public static ProjectSnapshot load(Catalog catalog, String project, ProjectSnapshot previous) {
        catalog.requireProject(project);
        StringBuilder sig = new StringBuilder();
        Map<String, TableDesc> tables = new TreeMap<>();
        List<TableDesc> tableList = new ArrayList<>();
        for (Versioned<TableDesc> t : catalog.tables(project)) {
            tables.put(key(t.value().name()), t.value());
            tableList.add(t.value());
            sig.append("t:").append(t.value().name()).append('@').append(t.version()).append(';');
        }
        String tablesSignature = sig.toString();
        Validator validator = new Validator();
        Map<String, StarSchema> models = new LinkedHashMap<>();
        Map<String, ModelDesc> modelDescs = new LinkedHashMap<>();
        Map<String, String> modelVersions = new HashMap<>();
        Map<String, StarSchema> validModels = new HashMap<>();
        for (Versioned<ModelDesc> m : catalog.models(project)) {
            sig.append("m:").append(m.value().name()).append('@').append(m.version()).append(';');
            String version = tablesSignature + "m@" + m.version();
            modelVersions.put(key(m.value().name()), version);
            StarSchema known = previous == null ? null : previous.validModels.get(key(m.value().name()) + "|" + version);
            try {
                StarSchema model = known != null ? known : validator.model(m.value(), tableList);
                models.put(key(m.value().name()), model);
                modelDescs.put(key(m.value().name()), m.value());
                validModels.put(key(m.value().name()) + "|" + version, model);
            } catch (RuntimeException invalid) {
                // A model that no longer fits its tables answers nothing; validation reports it elsewhere.
            }
        }
        List<Versioned<SegmentDesc>> segments = catalog.segments(project, Optional.empty());
        for (Versioned<SegmentDesc> s : segments) {
            sig.append("s:").append(s.value().cube()).append('/').append(s.value().name()).append('@')
                    .append(s.version()).append(';');
        }
        List<CubeView> cubes = new ArrayList<>();
        Map<String, ValidatedCube> validCubes = new HashMap<>();
        for (Versioned<CubeDesc> c : catalog.cubes(project)) {
            sig.append("c:").append(c.value().name()).append('@').append(c.version()).append(';');
            ModelDesc model = modelDescs.get(key(c.value().model()));
            if (model == null) {
                continue;
            }
            String cubeKey = key(c.value().name()) + "|" + modelVersions.get(key(c.value().model())) + "c@"
                    + c.version();
            ValidatedCube known = previous == null ? null : previous.validCubes.get(cubeKey);
            try {
                ValidatedCube cube = known != null ? known : validator.cube(c.value(), model, tableList);
                validCubes.put(cubeKey, cube);
                List<SegmentDesc> ready = segments.stream().map(Versioned::value)
                        .filter(s -> s.cube().equalsIgnoreCase(c.value().name()) && s.status() == SegmentStatus.READY)
                        .sorted(Comparator.comparing(SegmentDesc::from)).toList();
                cubes.add(new CubeView(cube, ready));
            } catch (RuntimeException invalid) {
                // Same as for models: an invalid cube is not queryable.
            }
        }
        return new ProjectSnapshot(project, Integer.toHexString(sig.toString().hashCode()) + "-" + sig.length(),
                tables, List.copyOf(models.values()), cubes, validModels, validCubes);
    }

    public String project() {
        return project;
    }

    /** Changes with any metadata change of the project. */
    public String signature() {
        return signature;
    }

    public Map<String, TableDesc> tables() {
        return tables;
    }

    public Optional<TableDesc> table(String name) {
        return Optional.ofNullable(tables.get(key(name)));
    }

    public List<StarSchema> models() {
        return models;
    }

    public List<CubeView> cubes() {
        return cubes;
    }

    public Optional<CubeView> cube(String name) {
        return cubes.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The models whose fact table is {@code table}. */
    public List<StarSchema> modelsWithFact(String table) {
        return models.stream().filter(m -> m.factTable().name().equalsIgnoreCase(table)).toList();
    }

    /** Whether {@code table} is the fact table of some model (scanning it raw is what a cube is for). */
    public boolean isFactTable(String table) {
        return !modelsWithFact(table).isEmpty();
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
