package io.haechi.server.pg;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;
import java.util.Map;

/** What {@link PgFrameDecoder} reads off a connection: the packets before startup, then typed messages. */
sealed interface PgFrame {
    /** SSLRequest (or GSSENCRequest when {@code gss}): answered with one byte before anything else. */
    record EncryptionRequest(boolean gss) implements PgFrame {
    }

    /** CancelRequest: arrives on a new connection and names the backend to interrupt. */
    record Cancel(int processId, int secretKey) implements PgFrame {
    }

    /** StartupMessage of protocol 3.x with its parameters (user, database, options, ...). */
    record Startup(int minorVersion, Map<String, String> parameters) implements PgFrame {
    }

    /** A regular message: its type byte and its body (the owner releases it). */
    record Message(char type, ByteBuf body) implements PgFrame, ReferenceCounted {
        @Override
        public int refCnt() {
            return body.refCnt();
        }

        @Override
        public Message retain() {
            body.retain();
            return this;
        }

        @Override
        public Message retain(int increment) {
            body.retain(increment);
            return this;
        }

        @Override
        public Message touch() {
            body.touch();
            return this;
        }

        @Override
        public Message touch(Object hint) {
            body.touch(hint);
            return this;
        }

        @Override
        public boolean release() {
            return body.release();
        }

        @Override
        public boolean release(int decrement) {
            return body.release(decrement);
        }
    }

    /** The input broke the protocol; the connection gets this FATAL error and is closed. */
    record Violation(String sqlState, String message) implements PgFrame {
    }
}
