/** The cube builder: sources, the flat-table join, statistics, dictionaries, cuboids and segment build steps. */
package io.haechi.builder;
