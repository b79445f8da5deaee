package io.haechi.server.cli;

import io.haechi.model.error.HaechiException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code haechi} command line: one entry point, one sub-command per job. */
@Command(name = "haechi",
        mixinStandardHelpOptions = true,
        versionProvider = HaechiVersion.class,
        description = "Haechi: a MOLAP cube engine for ad analytics.",
        subcommands = {
            DemoCommand.class,
            GenCommand.class,
            ValidateCommand.class,
            ApplyCommand.class,
            TableCommand.class,
            BuildCommand.class,
            SegmentsCommand.class,
            JobsCommand.class,
            ServerCommand.class,
            SqlCommand.class,
            ExplainCommand.class,
            CommandLine.HelpCommand.class
        })
public final class HaechiCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this instead of main). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new HaechiCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(HaechiCli::handleFailure);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** User-facing failures print their code and message, not a stack trace. */
    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HaechiException he) {
                err.println("error " + he.errorCode().tag() + " (" + he.errorCode().name() + "): " + he.getMessage());
                return ExitCodes.forCategory(he.category());
            }
        }
        if (e instanceof java.sql.SQLException) {
            // Calcite's parse and validation errors: the innermost message is the one that says what is wrong.
            Throwable inner = e;
            while (inner.getCause() != null) {
                inner = inner.getCause();
            }
            err.println("SQL error: " + inner.getMessage().lines().findFirst().orElse(inner.toString()));
            return ExitCodes.forCategory(io.haechi.model.error.ErrorCategory.USER);
        }
        err.println("internal error: " + e);
        e.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }
}
