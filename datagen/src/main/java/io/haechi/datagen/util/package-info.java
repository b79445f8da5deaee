/** Small helpers shared by the generators: running tasks on a bounded pool. */
package io.haechi.datagen.util;
