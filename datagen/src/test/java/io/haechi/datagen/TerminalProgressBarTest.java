package io.haechi.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalProgressBarTest {
    @Test
    void drawsABarAndPrintsTheReportAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgressBar bar = new TerminalProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.started("ssb", 1_000);
        bar.rowsWritten("lineorder", 400);
        bar.rowsWritten("lineorder", 600);
        GenerationReport report = new GenerationReport("ssb", Path.of("/tmp/x"),
                List.of(new TableStats("lineorder", 900, 12_345, 3), new TableStats("dates", 100, 50, 1)),
                Duration.ofMillis(500));
        bar.finished(report);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\rssb [").contains("0.0% 0/1,000 rows")
                .contains("100.0% 1,000/1,000 rows").contains("rows/s").contains("ETA")
                .containsPattern("lineorder +900 rows").contains("3 files").contains("1 file\n")
                .endsWith("ssb: 1,000 rows, 12,395 bytes in 0.5 s (2,000 rows/s) to /tmp/x" + System.lineSeparator());
        assertThat(report.rowsPerSecond()).isEqualTo(2_000.0);
        assertThat(report.rows("nothing")).isZero();
    }

    @Test
    void isSilentWithoutATerminal() {
        // surefire runs without a console
        assertThat(System.console()).isNull();
        assertThat(ProgressListener.forTerminal()).isSameAs(ProgressListener.NONE);
    }
}
