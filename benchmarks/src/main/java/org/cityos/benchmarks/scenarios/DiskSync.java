package org.cityos.benchmarks.scenarios;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.cityos.benchmarks.load.ClosedLoop;
import org.cityos.benchmarks.load.LoadResult;

/**
 * What one fsync per record costs on the disk that holds CityOS's data directory, independent of how
 * PostgreSQL is configured: one 8 KiB page written into a preallocated 16 MiB file (like a WAL segment)
 * then {@code fdatasync}, one after another. This is the cap a chain that synced every record would hit
 * with {@code fsync=on}, PostgreSQL's {@code wal_sync_method=fdatasync} on Linux.
 */
final class DiskSync {
    static final int PAGE = 8192;
    static final int SEGMENT_PAGES = 2048;

    private DiskSync() {}

    static LoadResult run(Path dir, Duration duration, long maxOps) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("fdatasync-probe.bin");
        try (FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(PAGE);
            for (int i = 0; i < SEGMENT_PAGES; i++) {
                zeros.clear();
                channel.write(zeros, (long) i * PAGE);
            }
            channel.force(true);
            ByteBuffer page = ByteBuffer.allocate(PAGE);
            return ClosedLoop.run(1, duration, maxOps, (thread, seq) -> {
                page.clear();
                page.putLong(0, seq);
                channel.write(page, (seq % SEGMENT_PAGES) * PAGE);
                channel.force(false);
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
