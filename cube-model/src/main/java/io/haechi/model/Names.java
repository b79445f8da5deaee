package io.haechi.model;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.regex.Pattern;

/** Rules for the names users give to projects, tables, columns, models and cubes. */
public final class Names {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private Names() {
    }

    /**
     * Checks that {@code name} is an identifier: a letter or underscore, then letters, digits or underscores, at
     * most 128 characters. {@code what} names the field in the message ("column name").
     */
    public static String checkIdentifier(String name, String what) {
        if (name == null) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, what + " is missing");
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, what + " '" + name
                    + "' is not a valid name: use letters, digits and '_', starting with a letter or '_', at most 128");
        }
        return name;
    }
}
