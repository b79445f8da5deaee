/** Executing a cube scan: filters bound to segments' codes, region-side scans, merging and finishing measures. */
package io.haechi.query.exec;
