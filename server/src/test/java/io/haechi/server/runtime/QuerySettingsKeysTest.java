package io.haechi.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query engine's cache sizes: defaults, 0 for off, and a bad value named with its key. */
class QuerySettingsKeysTest {
    @Test
    void defaultsAndOff() {
        assertThat(new HaechiSettings(Map.of()).planCacheEntries()).isEqualTo(1000);
        assertThat(new HaechiSettings(Map.of(HaechiSettings.RESULT_CACHE_ENTRIES, "0")).resultCacheEntries())
                .isZero();
    }

    @Test
    void aNegativeOrNonNumericSizeNamesTheKey() {
        assertThatThrownBy(() -> new HaechiSettings(Map.of(HaechiSettings.PLAN_CACHE_ENTRIES, "-1"))
                .planCacheEntries())
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining(HaechiSettings.PLAN_CACHE_ENTRIES).hasMessageContaining("-1");
        assertThatThrownBy(() -> new HaechiSettings(Map.of(HaechiSettings.RESULT_CACHE_ENTRIES, "lots"))
                .resultCacheEntries())
                .hasMessageContaining(HaechiSettings.RESULT_CACHE_ENTRIES).hasMessageContaining("lots");
    }
}
