package io.haechi.server.cli;

import io.haechi.model.catalog.ApplyPlan;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.json.Descriptor;
import io.haechi.server.runtime.HaechiContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haechi apply -f FILE}: cube-as-code. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Create or update tables, models and cubes from JSON files; prints the plan first.")
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions context;

    @Option(names = {"-f", "--file"}, required = true, arity = "1..*", description = "Descriptor files (JSON).")
    List<Path> files;

    @Option(names = {"-p", "--project"}, required = true, description = "The project (created if new).")
    String project;

    @Option(names = "--drop-segments",
            description = "Apply even when the change invalidates built segments, dropping them.")
    boolean dropSegments;

    @Option(names = "--dry-run", description = "Print the plan only.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Descriptor> documents = new ArrayList<>();
        DescriptorSet.readDocuments(files, documents);
        try (HaechiContext ctx = context.open()) {
            ApplyPlan plan = ctx.catalog().plan(project, documents);
            out.println(plan.render());
            if (dryRun) {
                out.println("dry run: nothing applied");
                return ExitCodes.OK;
            }
            if (!plan.hasChanges() && ctx.catalog().projectExists(project)) {
                out.println("nothing to change");
                return ExitCodes.OK;
            }
            List<SegmentDesc> dropped = ctx.catalog().apply(plan, dropSegments);
            for (SegmentDesc s : dropped) {
                ctx.cubeStore().dropSegment(s.storageId());
                out.println("dropped segment " + s.cube() + "/" + s.name());
            }
            out.println("applied");
            return ExitCodes.OK;
        }
    }
}
