package io.haechi.server.pg;

import io.haechi.server.pg.PgAuthMethods.Method;
import io.haechi.server.pg.PgUsers.User;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One connection's password exchange: cleartext ({@code R 3}), md5 ({@code R 5} with a salt) or SCRAM-SHA-256
 * (RFC 5802/7677 without channel binding, as PostgreSQL runs it: {@code R 10}, {@code R 11}, {@code R 12}). It is fed
 * the client's password messages and answers what to send next; a wrong password, an unknown user and a broken
 * exchange all end in the same "password authentication failed" (28P01), as PostgreSQL answers.
 */
final class PgAuthenticator {
    static final String SCRAM = "SCRAM-SHA-256";
    static final int SCRAM_ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Method method;
    private final String userName;
    private final Optional<User> user;
    private final byte[] salt = new byte[4];
    private String scramClientFirstBare;
    private String scramServerFirst;
    private String scramNonce;
    private byte[] scramSalt;
    private int step;

    PgAuthenticator(Method method, String userName, Optional<User> user) {
        this.method = method;
        this.userName = userName;
        this.user = user;
        RANDOM.nextBytes(salt);
    }

    /** The first request to the client. */
    void start(PgOutput out) {
        switch (method) {
            case PASSWORD -> out.authenticationCleartext();
            case MD5 -> out.authenticationMd5(salt);
            case SCRAM_SHA_256 -> out.authenticationSasl(SCRAM);
            case TRUST -> throw new IllegalStateException("trust needs no exchange");
        }
        out.flush();
    }

    /** Feeds one password message (type 'p'); returns true when authentication succeeded, false when more is needed. */
    boolean accept(byte[] body, PgOutput out) {
        switch (method) {
            case PASSWORD: {
                String given = cString(body);
                return require(user.isPresent() && user.get().checks(given));
            }
            case MD5: {
                String given = cString(body);
                Optional<String> password = user.flatMap(User::password);
                if (password.isEmpty()) {
                    throw failed();
                }
                String inner = md5Hex((password.get() + userName).getBytes(StandardCharsets.UTF_8));
                byte[] outer = concat(inner.getBytes(StandardCharsets.US_ASCII), salt);
                return require(MessageDigest.isEqual(("md5" + md5Hex(outer)).getBytes(StandardCharsets.US_ASCII),
                        given.getBytes(StandardCharsets.US_ASCII)));
            }
            case SCRAM_SHA_256:
                return scram(body, out);
            default:
                throw new IllegalStateException("trust needs no exchange");
        }
    }

    private boolean scram(byte[] body, PgOutput out) {
        if (step == 0) {
            // SASLInitialResponse: mechanism, int32 length, client-first-message.
            int end = indexOf(body, 0);
            String mechanism = new String(body, 0, end, StandardCharsets.UTF_8);
            if (!mechanism.equals(SCRAM) || body.length < end + 5) {
                throw failed();
            }
            String clientFirst = new String(body, end + 5, body.length - end - 5, StandardCharsets.UTF_8);
            if (!clientFirst.startsWith("n,,") && !clientFirst.startsWith("y,,")) {
                // p=... asks for channel binding, which this server does not offer (it did not advertise -PLUS).
                throw failed();
            }
            scramClientFirstBare = clientFirst.substring(3);
            String clientNonce = attribute(scramClientFirstBare, 'r');
            byte[] serverNonce = new byte[18];
            RANDOM.nextBytes(serverNonce);
            scramNonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
            scramSalt = new byte[16];
            RANDOM.nextBytes(scramSalt);
            scramServerFirst = "r=" + scramNonce + ",s=" + Base64.getEncoder().encodeToString(scramSalt) + ",i="
                    + SCRAM_ITERATIONS;
            step = 1;
            out.authenticationSaslContinue(scramServerFirst.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return false;
        }
        if (step != 1) {
            throw failed();
        }
        step = 2;
        String clientFinal = new String(body, StandardCharsets.UTF_8);
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0 || !scramNonce.equals(attribute(clientFinal, 'r'))) {
            throw failed();
        }
        String channelBinding = attribute(clientFinal, 'c');
        if (!"biws".equals(channelBinding) && !"eSws".equals(channelBinding)) {
            throw failed();
        }
        Optional<String> password = user.flatMap(User::password);
        if (password.isEmpty()) {
            throw failed();
        }
        byte[] proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
        String authMessage = scramClientFirstBare + "," + scramServerFirst + "," + clientFinal.substring(0, proofAt);
        try {
            byte[] saltedPassword = pbkdf2(password.get(), scramSalt);
            byte[] clientKey = hmac(saltedPassword, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            byte[] clientSignature = hmac(storedKey, authMessage);
            byte[] expected = new byte[clientKey.length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (byte) (clientKey[i] ^ clientSignature[i]);
            }
            require(MessageDigest.isEqual(expected, proof));
            byte[] serverSignature = hmac(hmac(saltedPassword, "Server Key"), authMessage);
            out.authenticationSaslFinal(("v=" + Base64.getEncoder().encodeToString(serverSignature))
                    .getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SCRAM-SHA-256 is not available in this JVM", e);
        }
    }

    private boolean require(boolean ok) {
        if (!ok) {
            throw failed();
        }
        return true;
    }

    private PgError failed() {
        return new PgError("28P01", "password authentication failed for user \"" + userName + "\"");
    }

    private static String attribute(String message, char name) {
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
                return part.substring(2);
            }
        }
        return null;
    }

    private static byte[] pbkdf2(String password, byte[] salt) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, SCRAM_ITERATIONS, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        throw new PgError(PgError.PROTOCOL_VIOLATION, "invalid SASL message: expected a mechanism name");
    }

    private static String cString(byte[] body) {
        int end = 0;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        return new String(body, 0, end, StandardCharsets.UTF_8);
    }
}
