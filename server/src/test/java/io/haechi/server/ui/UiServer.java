package io.haechi.server.ui;

import io.haechi.server.runtime.BuildQueue;
import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.runtime.HaechiSettings;
import io.haechi.server.web.WebServer;
import io.haechi.storage.hbase.HBaseCluster;
import io.haechi.storage.hbase.testing.InProcessHBase;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The real server the UI tests click through: the web endpoint (REST API and the packaged UI) on a free loopback
 * port, over a context on the JVM's in-process HBase, running builds in its own queue as `haechi server` does.
 */
final class UiServer implements AutoCloseable {
    private final HaechiContext context;
    private final BuildQueue builds;
    private final WebServer web;

    private UiServer(HaechiContext context, BuildQueue builds, WebServer web) {
        this.context = context;
        this.builds = builds;
        this.web = web;
    }

    static UiServer start(Path dataDir) {
        HaechiSettings settings = new HaechiSettings(Map.of(HaechiSettings.DATA_DIR, dataDir.toString(),
                HaechiSettings.WEB_PORT, "0"));
        HaechiContext context = HaechiContext.of(settings, HBaseCluster.of(InProcessHBase.shared().connection()));
        BuildQueue builds = new BuildQueue(context);
        WebServer web = WebServer.over(context, builds, Optional.empty()).start();
        if (!web.uiPackaged()) {
            throw new IllegalStateException("the web-wizard jar (classpath folder haechi-web/) is not on the classpath");
        }
        return new UiServer(context, builds, web);
    }

    /** http://127.0.0.1:PORT, no trailing slash. */
    String url() {
        return "http://127.0.0.1:" + web.port();
    }

    @Override
    public void close() throws Exception {
        try {
            web.close();
        } finally {
            try {
                builds.close();
            } finally {
                context.close();
            }
        }
    }
}
