package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.NamespaceExistException;
import org.apache.hadoop.hbase.TableExistsException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.io.encoding.DataBlockEncoding;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Creating and dropping Haechi's data tables: one column family {@code f}, pre-split at given keys, with FAST_DIFF
 * block encoding (cube rows share long key prefixes) and no compression (cheap to write and scan; see the README's
 * measurements).
 */
public final class HBaseTables {
    /** The one column family of Haechi's data tables. */
    public static final byte[] FAMILY = Bytes.toBytes("f");
    /** The namespace of Haechi's own tables. */
    public static final String NAMESPACE = "haechi";

    private HBaseTables() {
    }

    /** Creates the namespace unless it exists (also when another process creates it at the same time). */
    public static void ensureNamespace(Admin admin, String namespace) {
        try {
            if (Arrays.stream(admin.listNamespaces()).noneMatch(namespace::equals)) {
                admin.createNamespace(NamespaceDescriptor.create(namespace).build());
            }
        } catch (NamespaceExistException e) {
            // created concurrently: fine
        } catch (IOException e) {
            throw unavailable("create namespace " + namespace, e);
        }
    }

    /**
     * Creates a data table with family {@code f}, split at {@code splitKeys} (strictly ascending, non-empty keys).
     * HBase never splits it further: the build chose its regions from the segment's statistics, and a split after
     * the bulk load (the default policy splits a region at a few hundred MB) would only rewrite it and give every
     * query more regions to scan.
     */
    public static void create(Admin admin, TableName table, List<byte[]> splitKeys, DataBlockEncoding encoding) {
        requireNonNull(table, "table is null");
        byte[][] splits = checkSplitKeys(table, splitKeys);
        if (!table.getNamespaceAsString().equals(NamespaceDescriptor.DEFAULT_NAMESPACE_NAME_STR)) {
            ensureNamespace(admin, table.getNamespaceAsString());
        }
        try {
            admin.createTable(TableDescriptorBuilder.newBuilder(table)
                    .setColumnFamily(ColumnFamilyDescriptorBuilder.newBuilder(FAMILY)
                            .setDataBlockEncoding(encoding)
                            .setCompressionType(Compression.Algorithm.NONE)
                            .setBloomFilterType(BloomType.NONE)
                            .setMaxVersions(1)
                            .build())
                    .setRegionSplitPolicyClassName(DISABLED_SPLITS)
                    .build(), splits);
        } catch (TableExistsException e) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "table " + table + " already exists", e);
        } catch (IOException e) {
            throw unavailable("create table " + table, e);
        }
    }

    /** {@link #create(Admin, TableName, List, DataBlockEncoding)} with FAST_DIFF encoding. */
    public static void create(Admin admin, TableName table, List<byte[]> splitKeys) {
        create(admin, table, splitKeys, DataBlockEncoding.FAST_DIFF);
    }

    /** HBase's policy that never splits a region by size. */
    static final String DISABLED_SPLITS = "org.apache.hadoop.hbase.regionserver.DisabledRegionSplitPolicy";

    /** Disables and deletes the table; returns false if it did not exist. */
    public static boolean drop(Admin admin, TableName table) {
        try {
            if (!admin.tableExists(table)) {
                return false;
            }
            if (admin.isTableEnabled(table)) {
                admin.disableTable(table);
            }
            admin.deleteTable(table);
            return true;
        } catch (IOException e) {
            throw unavailable("drop table " + table, e);
        }
    }

    public static boolean exists(Admin admin, TableName table) {
        try {
            return admin.tableExists(table);
        } catch (IOException e) {
            throw unavailable("look up table " + table, e);
        }
    }

    /** The start keys of the table's regions, ascending; the first is empty. */
    public static List<byte[]> regionStartKeys(Connection connection, TableName table) {
        try (RegionLocator locator = connection.getRegionLocator(table)) {
            return List.of(locator.getStartKeys());
        } catch (IOException e) {
            throw unavailable("locate the regions of table " + table, e);
        }
    }

    private static byte[][] checkSplitKeys(TableName table, List<byte[]> splitKeys) {
        requireNonNull(splitKeys, "splitKeys is null");
        byte[][] splits = splitKeys.toArray(new byte[0][]);
        for (int i = 0; i < splits.length; i++) {
            if (splits[i] == null || splits[i].length == 0) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT,
                        "split key " + i + " of table " + table + " is empty; split keys must be non-empty");
            }
            if (i > 0 && Arrays.compareUnsigned(splits[i - 1], splits[i]) >= 0) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "split keys of table " + table
                        + " must be strictly ascending, but key " + i + " " + Bytes.toStringBinary(splits[i])
                        + " follows " + Bytes.toStringBinary(splits[i - 1]));
            }
        }
        return splits.length == 0 ? null : splits;
    }

    static HaechiException unavailable(String what, IOException e) {
        return new HaechiException(ErrorCode.STORE_UNAVAILABLE, "HBase could not " + what + ": " + e.getMessage(), e);
    }
}
