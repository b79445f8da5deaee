package io.haechi.storage.hbase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local file system of the embedded HBase, with permissions set through java.nio. Without Hadoop's native
 * library, {@code RawLocalFileSystem.setPermission} forks a {@code chmod} process, and a bulk load sets permissions
 * on every HFile: with a region server of a gigabyte, a fork costs a large part of a second, which made loading
 * SSB SF1 design A's ~3,000 HFiles take longer than building its cuboids. Configured as {@code fs.file.impl}.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    public NioLocalFileSystem() {
        super(new NioRawLocalFileSystem());
    }

    /** The raw side: {@link #setPermission} without a process. */
    public static final class NioRawLocalFileSystem extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
            add(perms, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE);
            add(perms, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_EXECUTE);
            add(perms, permission.getOtherAction(), PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(pathToFile(p).toPath(), perms);
        }

        private static void add(Set<PosixFilePermission> out, FsAction action, PosixFilePermission read,
                PosixFilePermission write, PosixFilePermission execute) {
            if (action.implies(FsAction.READ)) {
                out.add(read);
            }
            if (action.implies(FsAction.WRITE)) {
                out.add(write);
            }
            if (action.implies(FsAction.EXECUTE)) {
                out.add(execute);
            }
        }
    }
}
