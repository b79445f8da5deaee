package io.haechi.server.cli;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haechi validate -f FILE...}: checks tables, models and cubes and prints cuboid counts. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate table, model and cube descriptors (JSON) and print the cuboid count of each cube.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, required = true, arity = "1..*",
            description = "JSON files with one descriptor or an array of them; models and cubes are checked against "
                    + "the tables and models in all the files given.")
    List<Path> files;

    @Override
    public Integer call() {
        DescriptorSet set = DescriptorSet.read(files);
        PrintWriter out = spec.commandLine().getOut();
        List<ValidationReport> reports = set.validateAll();
        if (reports.isEmpty()) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT,
                    "the files hold no model or cube to validate (only tables): " + files);
        }
        boolean allValid = true;
        for (ValidationReport r : reports) {
            out.println(r.summary());
            allValid &= r.isValid();
        }
        return allValid ? ExitCodes.OK : ExitCodes.USER_ERROR;
    }
}
