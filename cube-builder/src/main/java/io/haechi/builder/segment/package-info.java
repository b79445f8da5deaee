/** The segment build pipeline: flat table, dictionaries and statistics, cuboids into the store, the build job. */
package io.haechi.builder.segment;
