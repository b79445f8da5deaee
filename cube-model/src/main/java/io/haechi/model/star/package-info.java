/** The star (snowflake) model: a fact table, joined lookups, partition column, filter and computed columns. */
package io.haechi.model.star;
