package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/**
 * The HBase Haechi talks to, embedded or external, with one shared client {@link Connection}. Closing it closes the
 * connection and, if Haechi started it, stops the embedded HBase.
 */
public final class HBaseCluster implements AutoCloseable {
    private final Configuration configuration;
    private final Connection connection;
    private final EmbeddedHBase embedded;
    private final boolean borrowed;

    private HBaseCluster(Configuration configuration, Connection connection, EmbeddedHBase embedded,
            boolean borrowed) {
        this.configuration = configuration;
        this.connection = connection;
        this.embedded = embedded;
        this.borrowed = borrowed;
    }

    /** Starts the embedded HBase, or connects to the configured cluster and checks that it answers. */
    public static HBaseCluster open(StoreConfig config) {
        requireNonNull(config, "config is null");
        if (!config.isExternal()) {
            EmbeddedHBase embedded = EmbeddedHBase.start(config.embedded());
            return new HBaseCluster(embedded.clientConfiguration(), embedded.connection(), embedded, false);
        }
        Configuration conf = config.externalConfiguration();
        String where = conf.get(StoreConfig.QUORUM) + " (client port "
                + conf.get("hbase.zookeeper.property.clientPort", "2181") + ", znode "
                + conf.get("zookeeper.znode.parent", "/hbase") + ")";
        Connection connection = null;
        try {
            connection = ConnectionFactory.createConnection(conf);
            try (Admin admin = connection.getAdmin()) {
                admin.listTableNames();
            }
            return new HBaseCluster(conf, connection, null, false);
        } catch (IOException | RuntimeException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "cannot reach HBase at " + where + ": " + e, e);
        }
    }

    /** Wraps an existing connection (tests, the in-process HBase); closing does not close it. */
    public static HBaseCluster of(Connection connection) {
        return new HBaseCluster(connection.getConfiguration(), connection, null, true);
    }

    public Configuration configuration() {
        return new Configuration(configuration);
    }

    public Connection connection() {
        return connection;
    }

    public Optional<EmbeddedHBase> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
            return;
        }
        if (!borrowed) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
