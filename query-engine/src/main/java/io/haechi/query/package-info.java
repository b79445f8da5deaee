/** SQL over cubes: a Calcite schema of the model's tables, a rewrite of aggregates into cuboid scans, and a driver. */
package io.haechi.query;
