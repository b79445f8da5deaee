package io.haechi.builder.cuboid;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Tuning of the cuboid engine.
 *
 * @param memoryBudgetBytes heap the engine's aggregation tables may take in all (split evenly between workers);
 *     buffers for spill files come on top (~{@link #ioBufferBytes} per open file)
 * @param threads worker threads (base-cuboid readers and cuboid tasks)
 * @param tempDirectory where spill files go; the engine works in a fresh sub-directory and removes it
 * @param batchRows fact rows per source batch
 * @param ioBufferBytes buffer per spill file reader or writer
 * @param maxMergeFanIn most runs merged at once; more runs are merged in passes
 */
public record CuboidEngineConfig(long memoryBudgetBytes, int threads, Path tempDirectory, int batchRows,
        int ioBufferBytes, int maxMergeFanIn) {
    public CuboidEngineConfig {
        requireNonNull(tempDirectory, "tempDirectory is null");
        if (memoryBudgetBytes < 1) {
            throw new IllegalArgumentException("memoryBudgetBytes must be >= 1: " + memoryBudgetBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be >= 1: " + batchRows);
        }
        if (ioBufferBytes < 4096) {
            throw new IllegalArgumentException("ioBufferBytes must be >= 4096: " + ioBufferBytes);
        }
        if (maxMergeFanIn < 2) {
            throw new IllegalArgumentException("maxMergeFanIn must be >= 2: " + maxMergeFanIn);
        }
    }

    /** Budget 40% of the maximum heap, one worker per core, 4096-row batches, 256 KiB buffers, fan-in 64. */
    public static CuboidEngineConfig defaults(Path tempDirectory) {
        return new CuboidEngineConfig((long) (Runtime.getRuntime().maxMemory() * 0.4),
                Runtime.getRuntime().availableProcessors(), tempDirectory, 4096, 256 * 1024, 64);
    }

    public CuboidEngineConfig withMemoryBudgetBytes(long bytes) {
        return new CuboidEngineConfig(bytes, threads, tempDirectory, batchRows, ioBufferBytes, maxMergeFanIn);
    }

    public CuboidEngineConfig withThreads(int count) {
        return new CuboidEngineConfig(memoryBudgetBytes, count, tempDirectory, batchRows, ioBufferBytes,
                maxMergeFanIn);
    }

    public CuboidEngineConfig withMaxMergeFanIn(int fanIn) {
        return new CuboidEngineConfig(memoryBudgetBytes, threads, tempDirectory, batchRows, ioBufferBytes, fanIn);
    }
}
