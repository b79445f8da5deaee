package io.haechi.builder.segment;

import io.haechi.builder.reject.RejectReason;
import io.haechi.builder.reject.RejectReport;
import io.haechi.builder.reject.Rejection;
import io.haechi.builder.reject.RowOrigin;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RejectReport} in the job's work directory ({@code rejects.bin}), so a resumed build still reports what the
 * read pass rejected: rows read and filtered, per reason its rejections and rows, then the samples (reason, file, unit,
 * position, column, value, expected, rows; absent strings as a false flag).
 */
final class RejectReportFile {
    private RejectReportFile() {
    }

    static void write(RejectReport report, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeLong(report.rowsRead());
            out.writeLong(report.rowsFiltered());
            out.writeInt(report.byReason().size());
            for (Map.Entry<RejectReason, RejectReport.ReasonCount> e : report.byReason().entrySet()) {
                out.writeUTF(e.getKey().name());
                out.writeLong(e.getValue().rejections());
                out.writeLong(e.getValue().rows());
            }
            out.writeInt(report.samples().size());
            for (Rejection r : report.samples()) {
                out.writeUTF(r.reason().name());
                out.writeUTF(r.origin().file());
                out.writeUTF(r.origin().unit().name());
                out.writeLong(r.origin().number());
                writeNullable(out, r.column());
                writeNullable(out, r.value());
                writeNullable(out, r.expected());
                out.writeLong(r.rows());
            }
        }
    }

    static RejectReport read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            long read = in.readLong();
            long filtered = in.readLong();
            Map<RejectReason, RejectReport.ReasonCount> byReason = new EnumMap<>(RejectReason.class);
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                byReason.put(RejectReason.valueOf(in.readUTF()),
                        new RejectReport.ReasonCount(in.readLong(), in.readLong()));
            }
            List<Rejection> samples = new ArrayList<>();
            int s = in.readInt();
            for (int i = 0; i < s; i++) {
                RejectReason reason = RejectReason.valueOf(in.readUTF());
                RowOrigin origin = new RowOrigin(in.readUTF(), RowOrigin.Unit.valueOf(in.readUTF()), in.readLong());
                samples.add(new Rejection(reason, origin, readNullable(in), readNullable(in), readNullable(in),
                        in.readLong()));
            }
            return new RejectReport(read, filtered, byReason, samples);
        }
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
