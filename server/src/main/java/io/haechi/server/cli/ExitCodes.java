package io.haechi.server.cli;

import io.haechi.model.error.ErrorCategory;

/** Process exit codes of the CLI, stable for scripts. */
final class ExitCodes {
    static final int OK = 0;
    static final int USER_ERROR = 1;
    static final int USAGE = 2;
    static final int EXTERNAL = 3;
    static final int RESOURCES = 4;
    static final int INTERNAL = 70;

    private ExitCodes() {
    }

    static int forCategory(ErrorCategory category) {
        return switch (category) {
            case USER -> USER_ERROR;
            case EXTERNAL -> EXTERNAL;
            case RESOURCES -> RESOURCES;
            case INTERNAL -> INTERNAL;
        };
    }
}
