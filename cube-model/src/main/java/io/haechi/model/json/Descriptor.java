package io.haechi.model.json;

import static java.util.Objects.requireNonNull;

import io.haechi.model.cube.CubeDesc;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;

/** One JSON document: a table, a model or a cube. */
public sealed interface Descriptor {
    /** The {@code kind} field: {@code table}, {@code model} or {@code cube}. */
    String kind();

    String name();

    /** A table document. */
    record Table(TableDesc table) implements Descriptor {
        public Table {
            requireNonNull(table, "table is null");
        }

        @Override
        public String kind() {
            return "table";
        }

        @Override
        public String name() {
            return table.name();
        }
    }

    /** A model document. */
    record Model(ModelDesc model) implements Descriptor {
        public Model {
            requireNonNull(model, "model is null");
        }

        @Override
        public String kind() {
            return "model";
        }

        @Override
        public String name() {
            return model.name();
        }
    }

    /** A cube document. */
    record Cube(CubeDesc cube) implements Descriptor {
        public Cube {
            requireNonNull(cube, "cube is null");
        }

        @Override
        public String kind() {
            return "cube";
        }

        @Override
        public String name() {
            return cube.name();
        }
    }
}
