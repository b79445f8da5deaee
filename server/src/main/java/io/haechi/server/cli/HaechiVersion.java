package io.haechi.server.cli;

import picocli.CommandLine;

/** Reads the version Maven filtered into {@code haechi-version.properties}. */
final class HaechiVersion implements CommandLine.IVersionProvider {
    /** The version alone ({@code 0.1.0-SNAPSHOT}), or "unknown". */
    static String get() {
        java.util.Properties p = new java.util.Properties();
        try (var in = HaechiVersion.class.getResourceAsStream("/haechi-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = HaechiVersion.class.getResourceAsStream("/haechi-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"Haechi " + p.getProperty("version", "unknown")
                + " (Java " + System.getProperty("java.version") + ")"};
    }
}
