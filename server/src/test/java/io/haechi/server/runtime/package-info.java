/** Tests of the runtime settings and context. */
package io.haechi.server.runtime;
