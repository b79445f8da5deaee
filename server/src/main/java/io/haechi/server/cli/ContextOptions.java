package io.haechi.server.cli;

import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.runtime.HaechiSettings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options of every command that opens the store. */
final class ContextOptions {
    @Option(names = "--config", description = "Configuration file (default ./haechi.properties if present).")
    Path config;

    @Option(names = "--data-dir", description = "Where Haechi keeps its data (default ./data).")
    Path dataDir;

    HaechiSettings settings() {
        if (dataDir != null) {
            System.setProperty(HaechiSettings.DATA_DIR, dataDir.toString());
        }
        return HaechiSettings.load(Optional.ofNullable(config));
    }

    HaechiContext open() {
        return HaechiContext.open(settings());
    }
}
