package io.haechi.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaechiCliTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path tmp;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HaechiCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("demo", "gen", "validate");
    }

    @Test
    void validatesTheSsbExamplesWithKylinsCuboidCounts() {
        Result r = run("validate", "-f", EXAMPLES.resolve("ssb/tables.json").toString(),
                EXAMPLES.resolve("ssb/model.json").toString(), EXAMPLES.resolve("ssb/cube-kylin.json").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("cube 'ssb_kylin': valid", "192 cuboids", "8 cuboids",
                "199 distinct cuboids");
    }

    @Test
    void aBadCubeExitsWithOneAndNamesTheFieldPath() throws IOException {
        String cube = Files.readString(EXAMPLES.resolve("ssb/cube-per-query.json"))
                .replaceFirst("\"mandatory\": \\[\"d_year\"", "\"mandatory\": [\"d_no_such_dim\"");
        assertThat(cube).contains("d_no_such_dim");
        Path bad = tmp.resolve("bad-cube.json");
        Files.writeString(bad, cube);
        Result r = run("validate", "-f", EXAMPLES.resolve("ssb/tables.json").toString(),
                EXAMPLES.resolve("ssb/model.json").toString(), bad.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.out()).contains("aggregationGroups[", "d_no_such_dim");
    }

    @Test
    void aMissingFileIsAUserErrorNamingTheFile() {
        Result r = run("validate", "-f", tmp.resolve("nope.json").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("HAECHI-", "nope.json");
    }

    @Test
    void generatesSsbAndRefusesToOverwriteUnlessAsked() throws IOException {
        Path out = tmp.resolve("ssb");
        Result first = run("gen", "ssb", "--sf", "0.01", "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("lineorder");
        try (Stream<Path> files = Files.walk(out.resolve("lineorder"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".avro")).count()).isGreaterThan(0);
        }
        Result again = run("gen", "ssb", "--sf", "0.01", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(again.err()).contains(out.getFileName().toString());
        Result overwrite = run("gen", "ssb", "--sf", "0.01", "--out", out.toString(), "--overwrite");
        assertThat(overwrite.exitCode()).as(overwrite.err()).isZero();
    }

    @Test
    void aBadScaleIsRejectedWithTheFieldNamed() {
        Result r = run("gen", "ads", "--scale", "-1", "--out", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("scale");
    }
}
