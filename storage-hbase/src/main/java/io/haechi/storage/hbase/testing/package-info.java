/** An in-process HBase for tests of this and later modules; never used by the engine itself. */
package io.haechi.storage.hbase.testing;
