/** The cube builder: sources, flat table, statistics, dictionaries, cuboid computation and segment build steps. */
package io.haechi.builder;
