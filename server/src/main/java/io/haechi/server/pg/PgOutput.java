package io.haechi.server.pg;

import io.haechi.server.sql.SqlError;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Backend messages of one connection, written from the session's worker thread. Messages collect in a buffer that
 * goes to the socket when it passes {@value #FLUSH_BYTES} bytes and at the protocol's sync points; while the socket
 * is not writable (a slow client) the worker waits, so a large result never piles up in memory.
 */
final class PgOutput {
    static final int FLUSH_BYTES = 64 * 1024;

    private final Channel channel;
    private final Object writable = new Object();
    private ByteBuf buffer;

    PgOutput(Channel channel) {
        this.channel = channel;
    }

    // ---- messages

    void authenticationOk() {
        begin('R').writeInt(0);
        end();
    }

    void authenticationCleartext() {
        begin('R').writeInt(3);
        end();
    }

    void authenticationMd5(byte[] salt) {
        begin('R').writeInt(5).writeBytes(salt);
        end();
    }

    void authenticationSasl(String mechanism) {
        ByteBuf b = begin('R').writeInt(10);
        cString(b, mechanism);
        b.writeByte(0);
        end();
    }

    void authenticationSaslContinue(byte[] data) {
        begin('R').writeInt(11).writeBytes(data);
        end();
    }

    void authenticationSaslFinal(byte[] data) {
        begin('R').writeInt(12).writeBytes(data);
        end();
    }

    void parameterStatus(String name, String value) {
        ByteBuf b = begin('S');
        cString(b, name);
        cString(b, value);
        end();
    }

    void backendKeyData(int processId, int secretKey) {
        begin('K').writeInt(processId).writeInt(secretKey);
        end();
    }

    void readyForQuery(char status) {
        begin('Z').writeByte(status);
        end();
        flush();
    }

    void rowDescription(List<PgColumn> columns, short[] formats) {
        ByteBuf b = begin('T').writeShort(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            PgColumn c = columns.get(i);
            cString(b, c.name());
            b.writeInt(0).writeShort(0).writeInt(c.type().oid).writeShort(c.type().length).writeInt(c.typmod())
                    .writeShort(formats[i]);
        }
        end();
    }

    void dataRow(byte[][] values) {
        ByteBuf b = begin('D').writeShort(values.length);
        for (byte[] v : values) {
            if (v == null) {
                b.writeInt(-1);
            } else {
                b.writeInt(v.length).writeBytes(v);
            }
        }
        end();
    }

    void commandComplete(String tag) {
        cString(begin('C'), tag);
        end();
    }

    void emptyQueryResponse() {
        begin('I');
        end();
    }

    void parseComplete() {
        begin('1');
        end();
    }

    void bindComplete() {
        begin('2');
        end();
    }

    void closeComplete() {
        begin('3');
        end();
    }

    void noData() {
        begin('n');
        end();
    }

    void portalSuspended() {
        begin('s');
        end();
    }

    void parameterDescription(int[] oids) {
        ByteBuf b = begin('t').writeShort(oids.length);
        for (int oid : oids) {
            b.writeInt(oid);
        }
        end();
    }

    void negotiateProtocolVersion(int minor, List<String> unsupported) {
        ByteBuf b = begin('v').writeInt(minor).writeInt(unsupported.size());
        unsupported.forEach(o -> cString(b, o));
        end();
    }

    /** ErrorResponse (or NoticeResponse when {@code notice}) with severity, SQLSTATE and message. */
    void error(String severity, SqlError error, boolean notice) {
        ByteBuf b = begin(notice ? 'N' : 'E');
        b.writeByte('S');
        cString(b, severity);
        b.writeByte('V');
        cString(b, severity);
        b.writeByte('C');
        cString(b, error.sqlState());
        b.writeByte('M');
        cString(b, error.message());
        if (error.errorCode().isPresent()) {
            b.writeByte('D');
            cString(b, "Haechi error " + error.errorCode().get().code() + " (" + error.errorCode().get() + ")");
        }
        b.writeByte(0);
        end();
    }

    // ---- plumbing

    private ByteBuf begin(char type) {
        if (buffer == null) {
            buffer = channel.alloc().buffer(1024);
        }
        start = buffer.writerIndex();
        buffer.writeByte(type);
        buffer.writeInt(0);
        return buffer;
    }

    /** Where the message being written starts (its type byte); its length is patched in by {@link #end()}. */
    private int start;

    private void end() {
        buffer.setInt(start + 1, buffer.writerIndex() - start - 1);
        if (buffer.readableBytes() >= FLUSH_BYTES) {
            flush();
        }
    }

    /** Sends what is buffered; waits while the client does not read (the socket is not writable). */
    void flush() {
        ByteBuf b = buffer;
        buffer = null;
        if (b == null) {
            return;
        }
        if (!channel.isActive()) {
            b.release();
            return;
        }
        channel.writeAndFlush(b, channel.voidPromise());
        awaitWritable();
    }

    private void awaitWritable() {
        synchronized (writable) {
            while (channel.isActive() && !channel.isWritable()) {
                try {
                    writable.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Called by the channel handler when the socket drained. */
    void writabilityChanged() {
        synchronized (writable) {
            writable.notifyAll();
        }
    }

    /** Drops anything not yet sent (the connection is gone). */
    void discard() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    private static void cString(ByteBuf b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        b.writeByte(0);
    }
}
