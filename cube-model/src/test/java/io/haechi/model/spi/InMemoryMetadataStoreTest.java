package io.haechi.model.spi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InMemoryMetadataStoreTest extends MetadataStoreContract {
    private final InMemoryMetadataStore store = new InMemoryMetadataStore();

    @Override
    protected MetadataStore store() {
        return store;
    }

    @Test
    void keysAreChecked() {
        assertThatThrownBy(() -> new MetadataKey("Cube", "p", "n")).hasMessageContaining("kind 'Cube' is not valid");
        assertThatThrownBy(() -> new MetadataKey("cube", "", "n")).hasMessageContaining("project must have 1 to 256");
        assertThatThrownBy(() -> new MetadataKey("cube", "p", "a\u0000b"))
                .hasMessageContaining("name 'a?b' contains a control character at index 1");
    }
}
