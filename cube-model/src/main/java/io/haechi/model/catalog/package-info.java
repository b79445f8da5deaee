/**
 * The catalog: a project's tables, models, cubes and segments as versioned documents in a
 * {@link io.haechi.model.spi.MetadataStore}, and cube-as-code ({@link io.haechi.model.catalog.ApplyPlan}).
 */
package io.haechi.model.catalog;
