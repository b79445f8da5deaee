/** The rewrite of aggregates over the star join into cube scans, the cuboid choice, and why a query misses. */
package io.haechi.query.rewrite;
