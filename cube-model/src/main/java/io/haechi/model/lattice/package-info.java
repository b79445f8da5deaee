/**
 * The cuboid lattice: cuboid ids as row-key bitmasks, per-group cuboid counts without enumeration, the cuboid set
 * under a cap, and the spanning tree that says which parent each cuboid is built from.
 */
package io.haechi.model.lattice;
