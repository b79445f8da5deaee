/** Service-provider interfaces that engines implement for the model: the metadata store. */
package io.haechi.model.spi;
