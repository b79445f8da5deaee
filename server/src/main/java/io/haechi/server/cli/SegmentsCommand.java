package io.haechi.server.cli;

import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.Versioned;
import io.haechi.server.runtime.HaechiContext;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haechi segments}: a cube's segments with ranges, rows and bytes. */
@Command(name = "segments", mixinStandardHelpOptions = true, description = "List the segments of a project's cubes.")
final class SegmentsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions context;

    @Option(names = {"-p", "--project"}, required = true, description = "The project.")
    String project;

    @Option(names = {"-c", "--cube"}, description = "Only this cube.")
    String cube;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (HaechiContext ctx = context.open()) {
            ctx.catalog().requireProject(project);
            List<Versioned<SegmentDesc>> segments = ctx.catalog().segments(project, Optional.ofNullable(cube));
            if (segments.isEmpty()) {
                out.println("no segments");
            }
            for (Versioned<SegmentDesc> v : segments) {
                SegmentDesc s = v.value();
                out.printf(Locale.ROOT, "%-20s %-22s [%s, %s)  %-8s %,14d source rows %,14d cuboid rows %,14d bytes"
                        + " %3d cuboids%n", s.cube(), s.name(), s.from(), s.to(), s.status(), s.sourceRows(),
                        s.totalRows(), s.bytesStored(), s.rowsPerCuboid().size());
            }
            return ExitCodes.OK;
        }
    }
}
