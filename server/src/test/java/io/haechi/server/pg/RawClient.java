package io.haechi.server.pg;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A raw protocol-3.0 client for the tests that must send what no real client sends. */
final class RawClient implements AutoCloseable {
    /** A backend message: its type and body. */
    record Message(char type, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** An ErrorResponse's field, e.g. 'C' (SQLSTATE) or 'M' (message). */
        String field(char code) {
            int i = 0;
            while (i < body.length && body[i] != 0) {
                int end = i + 1;
                while (body[end] != 0) {
                    end++;
                }
                if ((char) body[i] == code) {
                    return new String(body, i + 1, end - i - 1, StandardCharsets.UTF_8);
                }
                i = end + 1;
            }
            return null;
        }
    }

    final Socket socket;
    final DataOutputStream out;
    final DataInputStream in;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
    }

    /** A StartupMessage with {@code user} and {@code database}; returns the messages up to ReadyForQuery. */
    List<Message> startup(String user, String database) throws IOException {
        byte[] params = ("user\0" + user + "\0database\0" + database + "\0\0").getBytes(StandardCharsets.UTF_8);
        out.writeInt(8 + params.length);
        out.writeInt(196608);
        out.write(params);
        out.flush();
        return untilReady();
    }

    void send(char type, byte[] body) throws IOException {
        out.writeByte(type);
        out.writeInt(4 + body.length);
        out.write(body);
        out.flush();
    }

    List<Message> query(String sql) throws IOException {
        send('Q', cstring(sql));
        return untilReady();
    }

    Message read() throws IOException {
        char type = (char) in.readUnsignedByte();
        int length = in.readInt();
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return new Message(type, body);
    }

    List<Message> untilReady() throws IOException {
        List<Message> out = new ArrayList<>();
        while (true) {
            Message m = read();
            out.add(m);
            if (m.type() == 'Z') {
                return out;
            }
        }
    }

    /** Messages until the server closes the connection (or a timeout fails the test). */
    List<Message> untilClosed() throws IOException {
        List<Message> out = new ArrayList<>();
        try {
            while (true) {
                out.add(read());
            }
        } catch (EOFException e) {
            return out;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open; got " + out);
        } catch (IOException e) {
            // A reset after the server closed is a close too.
            return out;
        }
    }

    static Map<String, String> parameterStatus(List<Message> messages) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Message m : messages) {
            if (m.type() == 'S') {
                String[] kv = m.text().split("\0");
                out.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return out;
    }

    static byte[] cstring(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] int16(int v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }

    static byte[] int32(int v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
