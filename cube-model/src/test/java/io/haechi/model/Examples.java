package io.haechi.model;

import io.haechi.model.cube.CubeDesc;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The example descriptors at the repository root, read as the tests' fixtures. */
public final class Examples {
    public static final Path ROOT = Path.of("..", "examples");

    private Examples() {
    }

    public static String text(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<TableDesc> tables(String dir) {
        return JsonDescriptors.readTables(text(dir + "/tables.json"), dir + "/tables.json");
    }

    public static ModelDesc model(String dir) {
        return JsonDescriptors.readModel(text(dir + "/model.json"), dir + "/model.json");
    }

    public static CubeDesc cube(String relative) {
        return JsonDescriptors.readCube(text(relative), relative);
    }
}
