package io.haechi.datagen.util;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs independent tasks on a fixed pool and rethrows the first failure as it was thrown. */
public final class Tasks {
    private Tasks() {
    }

    public static void runAll(List<? extends Callable<?>> tasks, int threads, String name) {
        if (threads <= 1 || tasks.size() <= 1) {
            for (Callable<?> t : tasks) {
                call(t);
            }
            return;
        }
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), factory);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Callable<?> t : tasks) {
                futures.add(pool.submit(t));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    for (Future<?> other : futures) {
                        other.cancel(true);
                    }
                    throw rethrow(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HaechiException(ErrorCode.INTERNAL_ERROR, name + " was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void call(Callable<?> t) {
        try {
            t.call();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new HaechiException(ErrorCode.INTERNAL_ERROR, "generator task failed: " + t, t);
    }
}
