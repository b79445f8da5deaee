package io.haechi.server.sql;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.server.runtime.HaechiSettings;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SqlLimitsTest {
    private final SqlLimits limits = new SqlLimits(200, 3);

    private static String list(int items) {
        return IntStream.range(0, items).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }

    @Test
    void lengthIsCheckedAgainstTheLimit() {
        assertThatCode(() -> limits.check("x".repeat(200))).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.check("x".repeat(201))).isInstanceOf(HaechiException.class)
                .hasMessage("statement too long: 201 characters, the limit is 200 (setting haechi.sql.max.length)")
                .extracting(e -> ((HaechiException) e).errorCode()).isEqualTo(ErrorCode.STATEMENT_TOO_LONG);
    }

    @Test
    void inListsOverTheLimitAreRefused() {
        assertThatCode(() -> limits.check("SELECT 1 FROM t WHERE a IN (" + list(3) + ")")).doesNotThrowAnyException();
        assertThatCode(() -> limits.check("SELECT 1 FROM t WHERE a NOT IN (" + list(3) + ")"))
                .doesNotThrowAnyException();
        for (String sql : new String[] {"SELECT 1 FROM t WHERE a IN (" + list(4) + ")",
            "select 1 from t where a not in(" + list(4) + ")",
            "SELECT 1 FROM t WHERE a IN /* c */ (" + list(4) + ")",
            "SELECT 1 FROM t WHERE a IN -- c\n (" + list(4) + ")",
            "SELECT 1 FROM t WHERE b IN (SELECT c FROM u WHERE d IN (" + list(4) + "))",
            "SELECT 1 FROM t WHERE a IN (?, ?, ?, ?)"}) {
            assertThatThrownBy(() -> limits.check(sql)).as(sql).isInstanceOf(HaechiException.class)
                    .hasMessageStartingWith("statement too complex: an IN list has more than 3 items")
                    .extracting(e -> ((HaechiException) e).errorCode()).isEqualTo(ErrorCode.STATEMENT_TOO_COMPLEX);
        }
    }

    @Test
    void itemsAreCountedLexically() {
        for (String sql : new String[] {
            "SELECT 1 FROM t WHERE a IN ('a,b,c,d', 'e', 'f')",
            "SELECT 1 FROM t WHERE a IN (f(1, 2, 3, 4), g(5, 6), 7)",
            "SELECT 1 FROM t WHERE a IN ('it''s, here', 'x')",
            "SELECT 1 FROM t WHERE a = 'IN (1, 2, 3, 4, 5)'",
            "SELECT \"IN\" FROM t WHERE x = 1 -- IN (1, 2, 3, 4, 5)",
            "SELECT 1 FROM t WHERE a IN (SELECT b, c, d, e, f FROM u)",
            "SELECT 1 FROM t WHERE a IN (VALUES 1, 2, 3, 4, 5)",
            "SELECT 1 FROM t WHERE a IN (WITH w AS (SELECT 1) SELECT * FROM w, w, w, w)",
            "SELECT a, b, c, d, e FROM t INNER JOIN u ON t.x = u.x WHERE LOGIN (1, 2, 3, 4)",
            "SELECT 1 FROM t WHERE a IN ()"}) {
            assertThatCode(() -> limits.check(sql)).as(sql).doesNotThrowAnyException();
        }
    }

    @Test
    void settingsGiveTheLimits() {
        assertThatCode(() -> SqlLimits.from(new HaechiSettings(Map.of()))).doesNotThrowAnyException();
        SqlLimits configured = SqlLimits.from(new HaechiSettings(Map.of(HaechiSettings.SQL_MAX_LENGTH, "50",
                HaechiSettings.SQL_MAX_IN_LIST, "7")));
        org.assertj.core.api.Assertions.assertThat(configured).isEqualTo(new SqlLimits(50, 7));
        org.assertj.core.api.Assertions.assertThat(SqlLimits.from(new HaechiSettings(Map.of())))
                .isEqualTo(new SqlLimits(1_000_000, 1_000));
        assertThatThrownBy(() -> SqlLimits.from(new HaechiSettings(Map.of(HaechiSettings.SQL_MAX_LENGTH, "0"))))
                .hasMessage("setting haechi.sql.max.length must be in 1..2147483647, got 0");
    }
}
