package io.haechi.model.dict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GlobalDictionaryTest {
    @Test
    void idsAreDenseStableAndAppendOnly() {
        GlobalDictionary d = new GlobalDictionary(DataType.VARCHAR);
        assertThat(d.getOrAdd("zeta")).isZero();
        assertThat(d.getOrAdd("alpha")).isEqualTo(1);
        assertThat(d.getOrAdd("zeta")).isZero();
        assertThat(d.getOrAdd(null)).isEqualTo(-1);
        assertThat(d.idOf("beta")).isEqualTo(-1);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.valueOf(1)).isEqualTo("alpha");
    }

    @Test
    void persistsAsABasePlusDeltas() {
        GlobalDictionary d = new GlobalDictionary(DataType.decimal(12, 2));
        for (int i = 0; i < 1000; i++) {
            d.getOrAdd(i * 3 + ".25");
        }
        byte[] base = d.toBytes();
        for (int i = 1000; i < 1500; i++) {
            d.getOrAdd(i * 3 + ".25");
        }
        byte[] delta = d.toBytesSince(1000);
        GlobalDictionary back = GlobalDictionary.fromBytes("reach", base, delta);
        assertThat(back.size()).isEqualTo(1500);
        for (int id = 0; id < 1500; id++) {
            assertThat(back.valueOf(id)).isEqualTo(d.valueOf(id));
        }
        assertThat(back.toBytes()).isEqualTo(d.toBytes());
        assertThatThrownBy(() -> GlobalDictionary.fromBytes("reach", delta)).isInstanceOf(HaechiException.class)
                .hasMessageContaining("delta starts at id 1000 but the dictionary so far has 0 values");
        assertThatThrownBy(() -> GlobalDictionary.fromBytes("reach", Arrays.copyOf(base, base.length - 1)))
                .hasMessageContaining("checksum mismatch");
        byte[] version = base.clone();
        version[4] = 2;
        assertThatThrownBy(() -> GlobalDictionary.fromBytes("reach", version)).hasMessageContaining("format version 2");
    }
}
