/** The {@code haechi} command line (picocli): one class per sub-command. */
package io.haechi.server.cli;
