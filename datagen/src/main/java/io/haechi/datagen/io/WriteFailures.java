package io.haechi.datagen.io;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.nio.file.Path;

/** Turns an I/O failure on an output file into the user-facing exception. */
final class WriteFailures {
    private WriteFailures() {
    }

    static HaechiException of(Path file, IOException e) {
        return new HaechiException(ErrorCode.GENERATOR_OUTPUT_FAILED,
                "cannot write " + file + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
}
