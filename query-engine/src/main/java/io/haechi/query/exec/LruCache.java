package io.haechi.query.exec;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small synchronised least-recently-used map; capacity 0 keeps nothing. */
public final class LruCache<K, V> {
    private final int capacity;
    private final Map<K, V> map;

    public LruCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LruCache.this.capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return capacity == 0 ? null : map.get(key);
    }

    public synchronized void put(K key, V value) {
        if (capacity > 0) {
            map.put(key, value);
        }
    }

}
