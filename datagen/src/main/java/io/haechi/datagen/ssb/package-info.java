/** The Star Schema Benchmark generator, compatible with dbgen ({@code dbgen -s SF}, all tables in one run). */
package io.haechi.datagen.ssb;
