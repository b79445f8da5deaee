package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.spi.MetadataChange;
import io.haechi.model.spi.MetadataCommits;
import io.haechi.model.spi.MetadataDocument;
import io.haechi.model.spi.MetadataKey;
import io.haechi.model.spi.MetadataStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableExistsException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.CheckAndMutate;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.RowMutations;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.filter.ColumnPrefixFilter;
import org.apache.hadoop.hbase.filter.FilterList;
import org.apache.hadoop.hbase.filter.FirstKeyOnlyFilter;
import org.apache.hadoop.hbase.filter.KeyOnlyFilter;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * The {@link MetadataStore} in the HBase table {@code haechi:metadata}.
 *
 * <p>Layout: <b>one row per project</b> (row key = project name, UTF-8). A document is two cells with qualifier
 * {@code kind 0x00 name}: family {@code j} holds the JSON (UTF-8), family {@code v} the version (8-byte long). The cell
 * {@code v:#} holds the row version, which every commit increments. Keeping a project in one row makes a multi-document
 * commit one atomic {@code checkAndMutate} on the row version; per-document versions are checked against the row read
 * just before, and a commit that loses the race on the row version re-reads and re-checks, so only a real conflict on
 * one of its documents fails it. Cell timestamps are the row version, so a delete followed by a re-create in the same
 * millisecond cannot hide the new cells.
 *
 * <p>The price: writers to one project take turns, and a project's documents share a row (fine for thousands of
 * documents; reads fetch only the cells they need).
 */
public final class HBaseMetadataStore implements MetadataStore {
    /** The default table. */
    public static final TableName TABLE = TableName.valueOf(HBaseTables.NAMESPACE, "metadata");

    private static final byte[] JSON = Bytes.toBytes("j");
    private static final byte[] VERSION = Bytes.toBytes("v");
    /** Kinds are lower-case identifiers, so '#' never starts a document qualifier. */
    private static final byte[] ROW_VERSION = Bytes.toBytes("#");
    private static final int MAX_ATTEMPTS = 100;

    private final Connection connection;
    private final TableName table;

    private HBaseMetadataStore(Connection connection, TableName table) {
        this.connection = connection;
        this.table = table;
    }

    /** Opens the store in {@link #TABLE}, creating the namespace and table on first use. */
    public static HBaseMetadataStore open(Connection connection) {
        return open(connection, TABLE);
    }

    /** Opens the store in {@code table}, creating it (and its namespace) on first use. */
    public static HBaseMetadataStore open(Connection connection, TableName table) {
        requireNonNull(connection, "connection is null");
        requireNonNull(table, "table is null");
        try (Admin admin = connection.getAdmin()) {
            if (!admin.tableExists(table)) {
                HBaseTables.ensureNamespace(admin, table.getNamespaceAsString());
                try {
                    admin.createTable(TableDescriptorBuilder.newBuilder(table)
                            .setColumnFamily(ColumnFamilyDescriptorBuilder.newBuilder(JSON).setMaxVersions(1).build())
                            .setColumnFamily(ColumnFamilyDescriptorBuilder.newBuilder(VERSION).setMaxVersions(1)
                                    .setInMemory(true).build())
                            .build());
                } catch (TableExistsException e) {
                    // another process created it first
                }
            }
        } catch (IOException e) {
            throw HBaseTables.unavailable("open the metadata table " + table, e);
        }
        return new HBaseMetadataStore(connection, table);
    }

    @Override
    public Optional<MetadataDocument> get(MetadataKey key) {
        requireNonNull(key, "key is null");
        byte[] qualifier = qualifier(key.kind(), key.name());
        Get get = new Get(utf8(key.project())).addColumn(JSON, qualifier).addColumn(VERSION, qualifier);
        Result result = withTable("read " + key.describe(), t -> t.get(get));
        byte[] json = result.getValue(JSON, qualifier);
        byte[] version = result.getValue(VERSION, qualifier);
        if (json == null || version == null) {
            return Optional.empty();
        }
        return Optional.of(new MetadataDocument(key, Bytes.toLong(version), new String(json, StandardCharsets.UTF_8)));
    }

    @Override
    public List<MetadataDocument> list(String kind, String project) {
        MetadataKey.checkKind(kind);
        requireNonNull(project, "project is null");
        byte[] prefix = qualifier(kind, "");
        Get get = new Get(utf8(project)).addFamily(JSON).addFamily(VERSION).setFilter(new ColumnPrefixFilter(prefix));
        Result result = withTable("list " + kind + " documents of project '" + project + "'", t -> t.get(get));
        Map<String, byte[]> versions = new HashMap<>();
        Map<String, byte[]> jsons = new HashMap<>();
        for (Cell cell : result.rawCells()) {
            byte[] q = CellUtil.cloneQualifier(cell);
            String name = new String(q, prefix.length, q.length - prefix.length, StandardCharsets.UTF_8);
            (CellUtil.matchingFamily(cell, JSON) ? jsons : versions).put(name, CellUtil.cloneValue(cell));
        }
        List<MetadataDocument> documents = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : jsons.entrySet()) {
            byte[] version = versions.get(entry.getKey());
            if (version != null) {
                documents.add(new MetadataDocument(kind, project, entry.getKey(), Bytes.toLong(version),
                        new String(entry.getValue(), StandardCharsets.UTF_8)));
            }
        }
        documents.sort((a, b) -> a.name().compareTo(b.name()));
        return documents;
    }

    @Override
    public List<String> projects() {
        Scan scan = new Scan().addFamily(JSON)
                .setFilter(new FilterList(new FirstKeyOnlyFilter(), new KeyOnlyFilter()));
        return withTable("list projects", t -> {
            List<String> projects = new ArrayList<>();
            try (ResultScanner scanner = t.getScanner(scan)) {
                for (Result result : scanner) {
                    projects.add(Bytes.toString(result.getRow()));
                }
            }
            projects.sort(null);
            return projects;
        });
    }

    @Override
    public List<MetadataDocument> commit(List<MetadataChange> changes) {
        String project = MetadataCommits.checkCommit(changes);
        byte[] row = utf8(project);
        return withTable("commit " + changes.size() + " change(s) to project '" + project + "'", t -> {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                Get get = new Get(row).addColumn(VERSION, ROW_VERSION);
                for (MetadataChange change : changes) {
                    get.addColumn(VERSION, qualifier(change.key().kind(), change.key().name()));
                }
                Result current = t.get(get);
                byte[] rowVersionBytes = current.getValue(VERSION, ROW_VERSION);
                Map<MetadataKey, Long> stored = new HashMap<>();
                for (MetadataChange change : changes) {
                    byte[] version = current.getValue(VERSION, qualifier(change.key().kind(), change.key().name()));
                    if (version != null) {
                        stored.put(change.key(), Bytes.toLong(version));
                    }
                }
                List<MetadataDocument> written = MetadataCommits.apply(changes, stored);
                long rowVersion = rowVersionBytes == null ? 0 : Bytes.toLong(rowVersionBytes);
                RowMutations mutations = mutations(row, changes, written, rowVersion + 1);
                CheckAndMutate.Builder check = CheckAndMutate.newBuilder(row);
                CheckAndMutate checkAndMutate = rowVersionBytes == null
                        ? check.ifNotExists(VERSION, ROW_VERSION).build(mutations)
                        : check.ifEquals(VERSION, ROW_VERSION, rowVersionBytes).build(mutations);
                if (t.checkAndMutate(checkAndMutate).isSuccess()) {
                    return written;
                }
                backOff(attempt);
            }
            throw new HaechiException(ErrorCode.METADATA_CONFLICT, "project '" + project + "' is changed by too many "
                    + "writers at once: gave up after " + MAX_ATTEMPTS + " attempts; try again");
        });
    }

    private static RowMutations mutations(byte[] row, List<MetadataChange> changes, List<MetadataDocument> written,
            long newRowVersion) throws IOException {
        RowMutations mutations = new RowMutations(row);
        Put put = new Put(row).addColumn(VERSION, ROW_VERSION, newRowVersion, Bytes.toBytes(newRowVersion));
        for (MetadataDocument doc : written) {
            byte[] q = qualifier(doc.kind(), doc.name());
            put.addColumn(JSON, q, newRowVersion, utf8(doc.json()));
            put.addColumn(VERSION, q, newRowVersion, Bytes.toBytes(doc.version()));
        }
        mutations.add((Mutation) put);
        Delete delete = null;
        for (MetadataChange change : changes) {
            if (change instanceof MetadataChange.Delete) {
                byte[] q = qualifier(change.key().kind(), change.key().name());
                delete = delete == null ? new Delete(row) : delete;
                delete.addColumns(JSON, q, newRowVersion);
                delete.addColumns(VERSION, q, newRowVersion);
            }
        }
        if (delete != null) {
            mutations.add((Mutation) delete);
        }
        return mutations;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 20) * 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HaechiException(ErrorCode.METADATA_CONFLICT, "metadata commit interrupted");
        }
    }

    private static byte[] qualifier(String kind, String name) {
        byte[] k = utf8(kind);
        byte[] n = utf8(name);
        byte[] q = Arrays.copyOf(k, k.length + 1 + n.length);
        System.arraycopy(n, 0, q, k.length + 1, n.length);
        return q;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private interface TableCall<T> {
        T call(Table table) throws IOException;
    }

    private <T> T withTable(String what, TableCall<T> call) {
        try (Table t = connection.getTable(table)) {
            return call.call(t);
        } catch (IOException e) {
            throw HBaseTables.unavailable(what + " in " + table, e);
        }
    }
}
