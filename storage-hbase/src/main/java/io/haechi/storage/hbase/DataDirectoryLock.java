package io.haechi.storage.hbase;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <dataDir>/haechi.lock}, held for the lifetime of the embedded HBase, so that two
 * Haechi processes never run HBase on the same data. The file holds the holder's pid for the error message. The OS
 * releases the lock when the holder dies, however it dies.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "haechi.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new HaechiException(ErrorCode.DATA_DIRECTORY_LOCKED, "the data directory " + dataDir
                        + " is in use by another Haechi (" + holder(file) + " holds " + file + "); stop it, or give "
                        + "this one another directory with " + StoreConfig.EMBEDDED_DIR);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "cannot lock the data directory " + dataDir
                    + " (" + file + "): " + e.getMessage(), e);
        }
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.UTF_8).trim();
            return pid.isEmpty() ? "an unknown process" : "process " + pid;
        } catch (IOException e) {
            return "an unknown process";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // already failing
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
