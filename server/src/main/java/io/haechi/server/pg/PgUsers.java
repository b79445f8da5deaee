package io.haechi.server.pg;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jetty.util.security.Password;

/**
 * The users file the JDBC endpoint uses (a Jetty users file: {@code alice: secret,haechi}, one user per line, the
 * password optionally {@code OBF:}-obfuscated or stored as {@code MD5:}/{@code CRYPT:} hashes), read for the
 * PostgreSQL endpoint. A user needs the role {@value #ROLE}, as over JDBC. md5 and SCRAM-SHA-256 need the password
 * itself (plain or OBF:); a user stored as a hash can log in with the cleartext method only.
 */
final class PgUsers {
    static final String ROLE = "haechi";

    /** One user: the stored credential, the password when it is recoverable, and the roles. */
    record User(String name, String stored, Optional<String> password, List<String> roles) {
        boolean checks(String candidate) {
            return Credential.getCredential(stored).check(candidate);
        }
    }

    private final Map<String, User> users;

    private PgUsers(Map<String, User> users) {
        this.users = Map.copyOf(users);
    }

    static PgUsers read(Path file, String setting) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "setting " + setting + ": cannot read the users "
                    + "file " + file + ": " + e.getMessage(), e);
        }
        Map<String, User> out = new HashMap<>();
        for (String name : p.stringPropertyNames()) {
            String[] parts = p.getProperty(name).split(",");
            String stored = parts[0].strip();
            List<String> roles = Arrays.stream(parts).skip(1).map(String::strip).filter(s -> !s.isEmpty()).toList();
            Optional<String> password;
            if (stored.startsWith("OBF:")) {
                password = Optional.of(Password.deobfuscate(stored));
            } else if (stored.startsWith("MD5:") || stored.startsWith("CRYPT:")) {
                password = Optional.empty();
            } else {
                password = Optional.of(stored);
            }
            out.put(name.strip(), new User(name.strip(), stored, password, roles));
        }
        return new PgUsers(out);
    }

    Optional<User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }
}
