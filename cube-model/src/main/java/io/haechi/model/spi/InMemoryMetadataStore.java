package io.haechi.model.spi;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link MetadataStore} in a map, <b>for tests</b> of modules that need metadata without HBase. It keeps nothing on
 * disk. Its conflict semantics are those of the HBase store: same checks, same errors, commits atomic.
 */
public final class InMemoryMetadataStore implements MetadataStore {
    private final ConcurrentHashMap<MetadataKey, MetadataDocument> documents = new ConcurrentHashMap<>();

    @Override
    public Optional<MetadataDocument> get(MetadataKey key) {
        return Optional.ofNullable(documents.get(key));
    }

    @Override
    public List<MetadataDocument> list(String kind, String project) {
        MetadataKey.checkKind(kind);
        return documents.values().stream()
                .filter(d -> d.kind().equals(kind) && d.project().equals(project))
                .sorted(Comparator.comparing(MetadataDocument::name))
                .toList();
    }

    @Override
    public List<String> projects() {
        return documents.keySet().stream().map(MetadataKey::project).distinct().sorted().toList();
    }

    @Override
    public synchronized List<MetadataDocument> commit(List<MetadataChange> changes) {
        MetadataCommits.checkCommit(changes);
        Map<MetadataKey, Long> stored = new HashMap<>();
        for (MetadataChange change : changes) {
            MetadataDocument doc = documents.get(change.key());
            if (doc != null) {
                stored.put(change.key(), doc.version());
            }
        }
        List<MetadataDocument> written = MetadataCommits.apply(changes, stored);
        for (MetadataChange change : changes) {
            if (change instanceof MetadataChange.Delete) {
                documents.remove(change.key());
            }
        }
        for (MetadataDocument doc : written) {
            documents.put(doc.key(), doc);
        }
        return written;
    }
}
