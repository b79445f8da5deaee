package io.haechi.query;

import static java.util.Objects.requireNonNull;

import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.segment.SegmentDictionaries;
import io.haechi.model.spi.CubeStore;
import io.haechi.model.table.TableDesc;
import io.haechi.query.exec.LookupSnapshot;
import io.haechi.query.exec.ScanServices;
import io.haechi.query.exec.SegmentCodec;
import io.haechi.query.exec.LruCache;
import io.haechi.query.jdbc.CalciteConnections;
import io.haechi.query.jdbc.PlanCache;
import io.haechi.query.meta.CubeView;
import io.haechi.query.meta.ProjectSnapshot;
import io.haechi.query.rewrite.CubeRewriter;
import io.haechi.query.schema.ProjectSchema;
import io.haechi.query.schema.RawTableSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The query engine: SQL connections per project whose aggregates over a model's star join are answered from the
 * cubes in the store. Holds the caches shared by all connections: project metadata snapshots (refreshed after
 * {@link QuerySettings#metadataRefresh()}), segment codecs and lookup snapshots. Thread-safe.
 */
public final class HaechiEngine implements ScanServices {
    private final Catalog catalog;
    private final CubeStore store;
    private final RawTableSource raw;
    private final QuerySettings settings;
    private final CalciteConnections connections;
    private final PlanCache plans;
    private final LruCache<Object, List<Object[]>> results;
    private final Map<String, Timed> snapshots = new ConcurrentHashMap<>();
    private final Map<String, SegmentCodec> codecs = new ConcurrentHashMap<>();
    private final Map<String, LookupSnapshot> lookups = new ConcurrentHashMap<>();

    /** Results larger than this are not cached. */
    private static final int MAX_CACHED_ROWS = 10_000;

    static {
        // Calcite's compiled-code cache (off by default) makes a new literal cost microseconds, not a Janino run.
        if (System.getProperty("calcite.bindable.cache.maxSize") == null) {
            System.setProperty("calcite.bindable.cache.maxSize", "1000");
        }
    }

    /** A snapshot and when it was read; {@code stale}: {@link #refresh} asked for a reload before the next use. */
    private record Timed(ProjectSnapshot snapshot, long loadedNanos, boolean stale) {
    }

    /** Projects whose snapshot is being re-read in the background. */
    private final java.util.Set<String> reloading = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ExecutorService reloader = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "haechi-metadata-refresh");
                t.setDaemon(true);
                return t;
            });

    public HaechiEngine(Catalog catalog, CubeStore store, RawTableSource raw, QuerySettings settings) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.store = requireNonNull(store, "store is null");
        this.raw = requireNonNull(raw, "raw is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.plans = new PlanCache(settings.planCacheEntries(), project -> snapshot(project).signature());
        this.results = new LruCache<>(settings.resultCacheEntries());
        this.connections = new CalciteConnections(new CubeRewriter(this, this::snapshot, settings.onNoRealization()),
                plans);
    }

    /** A connection whose default schema is {@code project}; {@code properties} must already be whitelisted. */
    public Connection connect(String project, Properties properties) throws SQLException {
        ProjectSnapshot snapshot = snapshot(project);
        Connection c = connections.open(properties);
        CalciteConnection calcite = c.unwrap(CalciteConnection.class);
        SchemaPlus schema = calcite.getRootSchema().add(project, new ProjectSchema(snapshot, raw));
        schema.setCacheEnabled(false);
        calcite.setSchema(project);
        return c;
    }

    /** The projects of the catalog. */
    public List<String> projects() {
        return catalog.projects();
    }

    /** Forgets the project's metadata snapshot, so the next statement sees a segment committed just now. */
    public void refresh(String project) {
        // Marked stale rather than dropped, so the reload still reuses what it validated.
        snapshots.computeIfPresent(project, (p, t) -> new Timed(t.snapshot(), t.loadedNanos(), true));
    }

    /**
     * The project's metadata. A snapshot older than the refresh interval is still served while a background thread
     * re-reads it from the catalog (one read per project at a time), so no query waits for the catalog's round trip
     * and JSON parsing; only the first read, and the first after {@link #refresh}, happen on the caller's thread.
     */
    public ProjectSnapshot snapshot(String project) {
        Timed t = snapshots.get(project);
        if (t != null && !t.stale()) {
            if (System.nanoTime() - t.loadedNanos() > settings.metadataRefresh().toNanos() && reloading.add(project)) {
                try {
                    reloader.execute(() -> reload(project));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    reloading.remove(project);
                }
            }
            return t.snapshot();
        }
        // One reload per project at a time; the others wait for it instead of reading the catalog too.
        return snapshots.compute(project, (p, old) -> old != null && !old.stale() ? old
                : load(p, old)).snapshot();
    }

    private Timed load(String project, Timed old) {
        return new Timed(ProjectSnapshot.load(catalog, project, old == null ? null : old.snapshot()),
                System.nanoTime(), false);
    }

    private void reload(String project) {
        try {
            Timed old = snapshots.get(project);
            Timed fresh = load(project, old);
            // A refresh() or a caller's reload in the meantime wins: replace only what this read started from.
            snapshots.computeIfPresent(project, (p, current) -> current == old ? fresh : current);
        } catch (RuntimeException e) {
            // The catalog is unreachable or the project is gone: the next statement reads it on its own thread and
            // gets the error itself.
            snapshots.computeIfPresent(project, (p, current) -> new Timed(current.snapshot(), current.loadedNanos(),
                    true));
        } finally {
            reloading.remove(project);
        }
    }

    @Override
    public List<Object[]> cachedResult(Object key) {
        return results.get(key);
    }

    @Override
    public void cacheResult(Object key, List<Object[]> rows) {
        if (rows.size() <= MAX_CACHED_ROWS) {
            results.put(key, rows);
        }
    }

    /**
     * Plans and runs one aggregate per cube of each project so that the first client query does not pay for
     * Calcite's class loading and parser start-up (calcite-avatica.md section 5: about a second cold).
     */
    public void warmUp() {
        for (String project : projects()) {
            for (CubeView cube : snapshot(project).cubes()) {
                String fact = cube.cube().schema().factTable().name();
                try (Connection c = connect(project, new Properties());
                        java.sql.Statement st = c.createStatement();
                        java.sql.ResultSet rs = st.executeQuery("select count(*) from \"" + fact + "\"")) {
                    rs.next();
                } catch (SQLException | RuntimeException e) {
                    // A cube that cannot answer COUNT(*) still warmed the planner; nothing to report.
                }
            }
        }
    }

    @Override
    public CubeStore store() {
        return store;
    }

    @Override
    public CubeView currentCube(String project, String cube) {
        return snapshot(project).cube(cube).orElseThrow(() -> new HaechiException(ErrorCode.METADATA_NOT_FOUND,
                "cube " + cube + " of project " + project + " no longer exists"));
    }

    @Override
    public SegmentCodec codec(String project, CubeView cube, SegmentDesc segment) {
        String key = project + "/" + segment.storageId();
        SegmentCodec c = codecs.get(key);
        if (c == null) {
            byte[] bytes = catalog.segmentDictionaries(project, segment);
            SegmentDictionaries dictionaries = SegmentDictionaries.read(bytes, "dictionaries of segment "
                    + segment.name() + " of cube " + cube.name(), cube.cube());
            c = new SegmentCodec(segment, cube.cube(), dictionaries);
            codecs.put(key, c);
        }
        return c;
    }

    @Override
    public LookupSnapshot lookup(String project, String table, List<String> primaryKey) {
        ProjectSnapshot snapshot = snapshot(project);
        TableDesc desc = snapshot.table(table).orElseThrow(() -> new HaechiException(ErrorCode.UNKNOWN_TABLE,
                "lookup table " + table + " is not registered in project " + project));
        String key = project + "/" + desc + "/" + primaryKey;
        return lookups.computeIfAbsent(key, k -> {
            List<Object[]> rows = new ArrayList<>();
            raw.read(desc, rows::add);
            return new LookupSnapshot(desc, primaryKey, rows);
        });
    }
}
