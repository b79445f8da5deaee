/** Random streams and samplers: dbgen's Park–Miller streams, alias tables, Zipf, log-normal, splitmix64. */
package io.haechi.datagen.random;
