package io.haechi.server.cli;

import static java.util.Objects.requireNonNull;

import io.haechi.model.cube.CubeDesc;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.json.Descriptor;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidationReport;
import io.haechi.model.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tables, models and cubes read from a set of descriptor files, checked together. */
record DescriptorSet(Map<String, TableDesc> tables, Map<String, ModelDesc> models, Map<String, CubeDesc> cubes) {
    DescriptorSet {
        // Kept in file order, so reports come out in the order the user wrote the descriptors.
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(tables, "tables is null")));
        models = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(models, "models is null")));
        cubes = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(cubes, "cubes is null")));
    }

    /** Reads every document of the files, in file order, into {@code into}. */
    static void readDocuments(List<Path> files, List<Descriptor> into) {
        for (Path file : files) {
            into.addAll(JsonDescriptors.readAll(readFile(file), file.toString()));
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HaechiException(ErrorCode.SOURCE_NOT_FOUND, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static DescriptorSet read(List<Path> files) {
        Map<String, TableDesc> tables = new LinkedHashMap<>();
        Map<String, ModelDesc> models = new LinkedHashMap<>();
        Map<String, CubeDesc> cubes = new LinkedHashMap<>();
        for (Path file : files) {
            String json = readFile(file);
            for (Descriptor d : JsonDescriptors.readAll(json, file.toString())) {
                Object previous;
                if (d instanceof Descriptor.Table t) {
                    previous = tables.put(t.table().name(), t.table());
                } else if (d instanceof Descriptor.Model m) {
                    previous = models.put(m.model().name(), m.model());
                } else {
                    Descriptor.Cube c = (Descriptor.Cube) d;
                    previous = cubes.put(c.cube().name(), c.cube());
                }
                if (previous != null) {
                    throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR,
                            d.kind() + " '" + d.name() + "' is defined twice (again in " + file + ")");
                }
            }
        }
        return new DescriptorSet(tables, models, cubes);
    }

    /** A report per model and per cube, models first. */
    List<ValidationReport> validateAll() {
        Validator validator = new Validator();
        List<ValidationReport> reports = new ArrayList<>();
        for (ModelDesc m : models.values()) {
            reports.add(validator.validateModel(m, tables.values()));
        }
        for (CubeDesc c : cubes.values()) {
            ModelDesc model = models.get(c.model());
            if (model == null) {
                throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "cube '" + c.name() + "' uses the model '"
                        + c.model() + "', which none of the files defines");
            }
            reports.add(validator.validateCube(c, model, tables.values()));
        }
        return reports;
    }
}
