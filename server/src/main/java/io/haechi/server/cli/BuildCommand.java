package io.haechi.server.cli;

import io.haechi.builder.job.JobListener;
import io.haechi.builder.service.BuildOutcome;
import io.haechi.builder.service.BuildService;
import io.haechi.server.runtime.HaechiContext;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haechi build --project P --cube C --from D1 --to D2}: builds one segment. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the segment [FROM, TO) of a cube into the store and make it queryable.")
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions context;

    @Option(names = {"-p", "--project"}, required = true, description = "The project.")
    String project;

    @Option(names = {"-c", "--cube"}, required = true, description = "The cube.")
    String cube;

    @Option(names = "--from", required = true, description = "First day of the partition column, yyyy-MM-dd.")
    LocalDate from;

    @Option(names = "--to", required = true, description = "The day after the last one, yyyy-MM-dd (exclusive).")
    LocalDate to;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (HaechiContext ctx = context.open()) {
            JobListener progress = BuildProgress.forTerminal(out);
            BuildService builds = ctx.builds(progress);
            String jobId = builds.start(project, cube, from, to);
            out.println("job " + jobId);
            out.flush();
            BuildOutcome outcome = builds.run(jobId, progress);
            out.println(outcome.report().toText());
            out.println("segment " + outcome.segment().cube() + "/" + outcome.segment().name() + " is READY");
            return ExitCodes.OK;
        }
    }
}
