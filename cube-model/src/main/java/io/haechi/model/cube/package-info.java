/** The cube descriptor: dimensions, measures, aggregation groups, mandatory cuboids and the row key. */
package io.haechi.model.cube;
