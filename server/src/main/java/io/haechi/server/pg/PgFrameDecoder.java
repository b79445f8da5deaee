package io.haechi.server.pg;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits the byte stream into PostgreSQL protocol frames. Before startup a packet is a length and a code (SSLRequest,
 * GSSENCRequest, CancelRequest, StartupMessage); after it, a type byte and a length. Every length is checked before
 * a byte of the body is buffered: a startup packet over {@value #MAX_STARTUP} bytes, a message before authentication
 * over {@value #MAX_UNAUTHENTICATED} bytes, or any message over the configured limit is a {@link PgFrame.Violation},
 * after which nothing more is read.
 */
final class PgFrameDecoder extends ByteToMessageDecoder {
    /** PostgreSQL's own limit on a startup packet. */
    static final int MAX_STARTUP = 10_000;
    /** Password and SASL messages are small; a larger one before authentication is refused. */
    static final int MAX_UNAUTHENTICATED = 10_000;
    static final int SSL_REQUEST = 80877103;
    static final int GSSENC_REQUEST = 80877104;
    static final int CANCEL_REQUEST = 80877102;
    static final int PROTOCOL_3 = 3;

    private final int maxMessageBytes;
    private boolean started;
    private boolean broken;
    private volatile boolean authenticated;

    PgFrameDecoder(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** From now on messages may be as large as the configured limit. */
    void authenticated() {
        authenticated = true;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!started) {
            decodeStartup(in, out);
        } else {
            decodeMessage(in, out);
        }
    }

    private void decodeStartup(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 8) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 8 || length > MAX_STARTUP) {
            fail(in, out, "08P01", "invalid length of startup packet: " + Integer.toUnsignedString(length)
                    + " bytes (expected 8 to " + MAX_STARTUP + ")");
            return;
        }
        if (in.readableBytes() < length) {
            return;
        }
        in.skipBytes(4);
        int code = in.readInt();
        ByteBuf body = in.readSlice(length - 8);
        if (code == SSL_REQUEST || code == GSSENC_REQUEST) {
            out.add(new PgFrame.EncryptionRequest(code == GSSENC_REQUEST));
        } else if (code == CANCEL_REQUEST) {
            if (body.readableBytes() != 8) {
                fail(in, out, "08P01", "invalid length of cancel request packet: " + length + " bytes (expected 16)");
                return;
            }
            out.add(new PgFrame.Cancel(body.readInt(), body.readInt()));
            broken = true;
        } else if (code >>> 16 == PROTOCOL_3) {
            Map<String, String> parameters = parameters(body);
            if (parameters == null) {
                fail(in, out, "08P01", "invalid startup packet layout: expected name/value pairs ending in a zero "
                        + "byte");
                return;
            }
            started = true;
            out.add(new PgFrame.Startup(code & 0xffff, parameters));
        } else {
            fail(in, out, "0A000", String.format(Locale.ROOT, "unsupported frontend protocol %d.%d: server supports "
                    + "3.0 to 3.0", code >>> 16, code & 0xffff));
        }
    }

    private void decodeMessage(ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 5) {
            int start = in.readerIndex();
            char type = (char) (in.getByte(start) & 0xff);
            long length = in.getUnsignedInt(start + 1);
            long limit = authenticated ? maxMessageBytes : MAX_UNAUTHENTICATED;
            if (length < 4) {
                fail(in, out, "08P01", "invalid message length " + length + " of message type '" + printable(type)
                        + "'");
                return;
            }
            if (length - 4 > limit) {
                fail(in, out, "54000", "message of type '" + printable(type) + "' is " + (length - 4) + " bytes, over "
                        + "the limit of " + limit + " bytes" + (authenticated ? " (setting haechi.pg.max.message.bytes)"
                        : " before authentication"));
                return;
            }
            if (in.readableBytes() < 1 + length) {
                return;
            }
            in.skipBytes(5);
            out.add(new PgFrame.Message(type, in.readRetainedSlice((int) length - 4)));
        }
    }

    private void fail(ByteBuf in, List<Object> out, String state, String message) {
        broken = true;
        in.skipBytes(in.readableBytes());
        out.add(new PgFrame.Violation(state, message));
    }

    /** Name/value pairs of C strings, ending with an empty name; null when the layout is broken. */
    private static Map<String, String> parameters(ByteBuf body) {
        Map<String, String> out = new LinkedHashMap<>();
        while (true) {
            String name = cString(body);
            if (name == null) {
                return null;
            }
            if (name.isEmpty()) {
                return body.isReadable() ? null : out;
            }
            String value = cString(body);
            if (value == null) {
                return null;
            }
            out.put(name, value);
        }
    }

    static String cString(ByteBuf b) {
        int end = b.indexOf(b.readerIndex(), b.writerIndex(), (byte) 0);
        if (end < 0) {
            return null;
        }
        String s = b.toString(b.readerIndex(), end - b.readerIndex(), StandardCharsets.UTF_8);
        b.readerIndex(end + 1);
        return s;
    }

    static String printable(char type) {
        return type >= 32 && type < 127 ? String.valueOf(type) : String.format(Locale.ROOT, "\\x%02x", (int) type);
    }
}
