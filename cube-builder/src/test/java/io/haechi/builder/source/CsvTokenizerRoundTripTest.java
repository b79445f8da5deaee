package io.haechi.builder.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random fields written the RFC 4180 way read back exactly, with the physical line each record starts on. */
class CsvTokenizerRoundTripTest {
    private static final String ALPHABET = "ab,;\"\n\r x|\t한";

    @Test
    void randomRecordsRoundTrip() throws Exception {
        Random random = new Random(4180);
        for (char delimiter : new char[] {',', ';', '|', '\t'}) {
            List<List<String>> records = new ArrayList<>();
            List<Long> startLines = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            long line = 1;
            for (int r = 0; r < 300; r++) {
                int fields = 1 + random.nextInt(5);
                List<String> record = new ArrayList<>();
                startLines.add(line);
                for (int f = 0; f < fields; f++) {
                    StringBuilder v = new StringBuilder();
                    int len = random.nextInt(6);
                    for (int i = 0; i < len; i++) {
                        v.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                    String value = v.toString();
                    // An empty one-field record would be a blank line; keep records non-blank.
                    if (fields == 1 && value.isEmpty()) {
                        value = "a";
                    }
                    record.add(value);
                    if (f > 0) {
                        text.append(delimiter);
                    }
                    boolean quote = value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0
                            || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || random.nextInt(4) == 0;
                    if (quote) {
                        text.append('"').append(value.replace("\"", "\"\"")).append('"');
                        line += physicalLineBreaks(value);
                    } else {
                        text.append(value);
                    }
                }
                records.add(record);
                String end = random.nextBoolean() ? "\n" : "\r\n";
                text.append(end);
                line++;
            }

            CsvTokenizer tokenizer = new CsvTokenizer(new StringReader(text.toString()), delimiter, '"');
            List<List<String>> read = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            while (tokenizer.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < tokenizer.fieldCount(); i++) {
                    fields.add(tokenizer.field(i));
                }
                read.add(fields);
                lines.add(tokenizer.recordLine());
            }
            assertThat(read).as("delimiter %s", delimiter).isEqualTo(records);
            assertThat(lines).as("delimiter %s", delimiter).isEqualTo(startLines);
        }
    }

    /** Line breaks as an editor counts them: \r\n is one, a lone \r or \n is one. */
    private static long physicalLineBreaks(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }
}
