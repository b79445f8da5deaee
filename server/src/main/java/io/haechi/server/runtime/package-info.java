/** The running Haechi: configuration, the store it opened, the catalog and the job runner, shared by CLI and server. */
package io.haechi.server.runtime;
