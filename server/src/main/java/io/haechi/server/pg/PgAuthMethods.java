package io.haechi.server.pg;

import java.util.Optional;

/** The password methods a users-file user can log in with over the PostgreSQL wire, by their pg_hba.conf names. */
public final class PgAuthMethods {
    /** A password method; TRUST only for trusted clients. */
    public enum Method { TRUST, PASSWORD, MD5, SCRAM_SHA_256 }

    private PgAuthMethods() {
    }

    /** {@code scram-sha-256}, {@code md5} or {@code password} (cleartext). */
    public static Optional<Method> parse(String name) {
        return switch (name) {
            case "scram-sha-256" -> Optional.of(Method.SCRAM_SHA_256);
            case "md5" -> Optional.of(Method.MD5);
            case "password" -> Optional.of(Method.PASSWORD);
            default -> Optional.empty();
        };
    }
}
