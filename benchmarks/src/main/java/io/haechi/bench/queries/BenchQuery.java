package io.haechi.bench.queries;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One query shape of a benchmark: a prepared statement whose {@code ?} are bound per execution. {@code paper} holds the
 * published literals (SSB's, or ad-events.md's examples); {@code draw} makes a random set from the same domain, so
 * repeated executions vary their literals as a dashboard does and neither engine can answer from a cache of results.
 *
 * @param name e.g. {@code Q1.1}
 * @param sql the statement, with {@code ?} placeholders
 * @param paper the published literals, in placeholder order
 * @param draw a random literal set, in placeholder order
 */
public record BenchQuery(String name, String sql, List<Object> paper, Function<SplittableRandom, List<Object>> draw) {
    public BenchQuery {
        requireNonNull(name, "name is null");
        requireNonNull(sql, "sql is null");
        paper = List.copyOf(paper);
        requireNonNull(draw, "draw is null");
        long placeholders = sql.chars().filter(c -> c == '?').count();
        if (placeholders != paper.size()) {
            throw new IllegalArgumentException(name + ": " + placeholders + " placeholders but " + paper.size()
                    + " paper literals");
        }
    }

    /** The number of {@code ?} in {@link #sql}. */
    public int parameterCount() {
        return paper.size();
    }

    /**
     * {@code n} literal sets for a run: the paper's first, then random draws from {@code seed}. Both engines get the
     * same list (same seed), so they answer the same questions.
     */
    public List<List<Object>> literalSets(long seed, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed ^ name.hashCode());
        java.util.ArrayList<List<Object>> out = new java.util.ArrayList<>(n);
        out.add(paper);
        for (int i = 1; i < n; i++) {
            List<Object> set = List.copyOf(draw.apply(random));
            if (set.size() != paper.size()) {
                throw new IllegalStateException(name + ": a draw gave " + set.size() + " literals, expected "
                        + paper.size());
            }
            out.add(set);
        }
        return out;
    }

    /** The statement with {@code literals} written in (for logs and for engines without parameters). */
    public String inline(List<Object> literals) {
        StringBuilder b = new StringBuilder();
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                Object v = literals.get(next++);
                b.append(v instanceof String s ? "'" + s.replace("'", "''") + "'" : v instanceof java.time.LocalDate d
                        ? "date '" + d + "'" : String.valueOf(v));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
