/**
 * Service-provider interfaces that engines implement for the model: the metadata store, and the cube store (segment
 * writing, cuboid scans with store-side rollup).
 */
package io.haechi.model.spi;
