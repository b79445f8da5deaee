/**
 * JSON documents for tables, models and cubes ({@code kind}, {@code schemaVersion} 1): strict reading that names
 * the field path of every problem, and deterministic pretty-printed writing.
 */
package io.haechi.model.json;
