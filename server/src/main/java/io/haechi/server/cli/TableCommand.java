package io.haechi.server.cli;

import io.haechi.builder.source.AvroSchemaInference;
import io.haechi.builder.source.SourceFileSystems;
import io.haechi.model.catalog.ApplyPlan;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.json.Descriptor;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import io.haechi.server.runtime.HaechiContext;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haechi table register|list}: source tables of a project. */
@Command(name = "table", description = "Register and list source tables.",
        subcommands = {TableCommand.Register.class, TableCommand.ListTables.class})
final class TableCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register a table from Avro files, inferring its schema from them.")
    static final class Register implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ContextOptions context;

        @Option(names = {"-p", "--project"}, required = true, description = "The project (created if new).")
        String project;

        @Option(names = "--name", required = true, description = "The table's name.")
        String name;

        @Option(names = "--location", required = true,
                description = "An Avro file or a directory of them (date-partitioned sub-directories allowed): a "
                        + "local path or a Hadoop FileSystem URI (hdfs://, viewfs://, ...).")
        String location;

        @Option(names = "--print", description = "Print the inferred table JSON only; register nothing.")
        boolean printOnly;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            TableDesc inferred = new AvroSchemaInference(SourceFileSystems.withHadoop(context.settings().values()))
                    .inferTable(location, name);
            TableDesc table = new TableDesc(inferred.name(), location, SourceFormat.AVRO, inferred.columns());
            if (printOnly) {
                out.println(JsonDescriptors.write(table));
                return ExitCodes.OK;
            }
            try (HaechiContext ctx = context.open()) {
                ApplyPlan plan = ctx.catalog().plan(project, List.of(new Descriptor.Table(table)));
                out.println(plan.render());
                ctx.catalog().apply(plan, false);
                for (ColumnDesc c : table.columns()) {
                    out.printf(Locale.ROOT, "  %-24s %s%s%n", c.name(), c.type(), c.nullable() ? "" : " NOT NULL");
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a project's tables.")
    static final class ListTables implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ContextOptions context;

        @Option(names = {"-p", "--project"}, required = true, description = "The project.")
        String project;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (HaechiContext ctx = context.open()) {
                ctx.catalog().requireProject(project);
                List<Versioned<TableDesc>> tables = ctx.catalog().tables(project);
                if (tables.isEmpty()) {
                    throw new HaechiException(ErrorCode.METADATA_NOT_FOUND, "project '" + project + "' has no tables");
                }
                for (Versioned<TableDesc> t : tables) {
                    out.printf(Locale.ROOT, "%-20s %-6s %3d columns  %s%n", t.value().name(), t.value().format(),
                            t.value().columns().size(), t.value().location());
                }
                return ExitCodes.OK;
            }
        }
    }
}
