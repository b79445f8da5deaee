package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Lists a table location as splits: the location itself when it is a file, otherwise every data file below it,
 * depth first in name order (deterministic). Names starting with {@code .} or {@code _} ({@code _SUCCESS},
 * {@code .crc}) are skipped. With a {@link PartitionFilter}, Hive-style date directories that cannot hold a day of
 * the range are not descended into (see {@link PartitionDirectories}).
 */
final class SplitLister {
    private final SourceFileSystem fs;
    private final Predicate<String> dataFileName;
    private final String formatName;

    SplitLister(SourceFileSystem fs, Predicate<String> dataFileName, String formatName) {
        this.fs = requireNonNull(fs, "fs is null");
        this.dataFileName = requireNonNull(dataFileName, "dataFileName is null");
        this.formatName = requireNonNull(formatName, "formatName is null");
    }

    /** The splits of a location; {@code SOURCE_NOT_FOUND} when a directory holds no data file at all. */
    List<SourceSplit> list(String location, PartitionFilter filter) {
        SourceFile root = fs.resolve(location);
        if (!root.directory()) {
            return List.of(new SourceSplit(root));
        }
        List<SourceSplit> out = new ArrayList<>();
        int[] dataFiles = new int[1];
        walk(root, null, Map.of(), filter, out, dataFiles);
        if (dataFiles[0] == 0) {
            throw new HaechiException(ErrorCode.SOURCE_NOT_FOUND,
                    "the directory '" + location + "' holds no " + formatName + " files");
        }
        return List.copyOf(out);
    }

    private void walk(SourceFile dir, DateInterval days, Map<String, String> values, PartitionFilter filter,
                      List<SourceSplit> out, int[] dataFiles) {
        List<SourceFile> children;
        try {
            children = fs.list(dir);
        } catch (IOException e) {
            throw new HaechiException(ErrorCode.SOURCE_READ_FAILED, "cannot list '" + dir.path() + "': " + e, e);
        }
        for (SourceFile child : children) {
            if (child.name().startsWith(".") || child.name().startsWith("_")) {
                continue;
            }
            if (child.directory()) {
                DateInterval inner = filter == null ? null
                        : PartitionDirectories.interval(child.name(), filter.directoryKeys(), days);
                if (filter != null && inner != null && !inner.overlaps(filter.range())) {
                    // A pruned directory counts as data: a range with nothing to read is an empty build, not a missing table.
                    dataFiles[0]++;
                    continue;
                }
                walk(child, inner, withDirectoryValue(values, child.name()), filter, out, dataFiles);
            } else if (dataFileName.test(child.name())) {
                dataFiles[0]++;
                out.add(new SourceSplit(child, days, values));
            }
        }
    }

    /** The directory values plus this directory's {@code key=value}, if it is one; an inner key wins. */
    private static Map<String, String> withDirectoryValue(Map<String, String> values, String name) {
        int eq = name.indexOf('=');
        if (eq <= 0) {
            return values;
        }
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(name.substring(0, eq).toLowerCase(Locale.ROOT), unescape(name.substring(eq + 1)));
        return more;
    }

    /** Hive escapes special characters in directory values as %XX. */
    static String unescape(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && Character.digit(value.charAt(i + 1), 16) >= 0
                    && Character.digit(value.charAt(i + 2), 16) >= 0) {
                b.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
