package io.haechi.server.cli;

import io.haechi.builder.job.Job;
import io.haechi.builder.job.StepRecord;
import io.haechi.server.runtime.HaechiContext;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haechi jobs}: list jobs with states and step times; cancel one. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List build jobs with their step states.",
        subcommands = {JobsCommand.Resume.class, JobsCommand.Discard.class, JobsCommand.Cancel.class})
final class JobsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions context;

    @Option(names = {"-p", "--project"}, description = "Only this project's jobs.")
    String project;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (HaechiContext ctx = context.open()) {
            List<Job> jobs = new ArrayList<>();
            for (String p : project != null ? List.of(project) : ctx.catalog().projects()) {
                jobs.addAll(ctx.jobs().list(p));
            }
            if (jobs.isEmpty()) {
                out.println("no jobs");
                return ExitCodes.OK;
            }
            for (Job job : jobs) {
                out.println(render(job));
            }
            return ExitCodes.OK;
        }
    }

    static String render(Job job) {
        StringBuilder sb = new StringBuilder();
        String state = job.isOrphaned() ? "RUNNING (runner died: resumable)" : job.state().name();
        sb.append(String.format(Locale.ROOT, "%s  %s %s  %s  %s  %.0f%%", job.id(), job.type(), job.target(),
                job.params(), state, job.progress() * 100));
        for (StepRecord s : job.steps()) {
            sb.append(String.format(Locale.ROOT, "%n    %-16s %-10s %8s  %s", s.name(), s.state(),
                    s.duration().map(JobsCommand::seconds).orElse(""), s.message()));
        }
        return sb.toString();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Continue a failed, cancelled or killed build from its last finished step.")
    static final class Resume implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ContextOptions context;

        @Parameters(paramLabel = "ID", description = "The job id.")
        String id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (HaechiContext ctx = context.open()) {
                BuildProgress progress = BuildProgress.forTerminal(out);
                io.haechi.builder.service.BuildOutcome outcome = ctx.builds(progress).run(id, progress);
                out.println(outcome.report().toText());
                out.println("segment " + outcome.segment().cube() + "/" + outcome.segment().name() + " is READY");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true,
            description = "Clean up a build that will not be resumed: its partial data, segment and files.")
    static final class Discard implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ContextOptions context;

        @Parameters(paramLabel = "ID", description = "The job id.")
        String id;

        @Override
        public Integer call() {
            try (HaechiContext ctx = context.open()) {
                Job job = ctx.builds(io.haechi.builder.job.JobListener.NONE).discard(id);
                spec.commandLine().getOut().println(render(job));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Ask a job to stop; it can be resumed or discarded afterwards.")
    static final class Cancel implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ContextOptions context;

        @Parameters(paramLabel = "ID", description = "The job id.")
        String id;

        @Override
        public Integer call() {
            try (HaechiContext ctx = context.open()) {
                Job job = ctx.jobRunner(io.haechi.builder.job.JobListener.NONE).cancel(id);
                spec.commandLine().getOut().println(render(job));
                return ExitCodes.OK;
            }
        }
    }
}
