package io.haechi.server.pg;

import io.netty.channel.Channel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one connection's work in arrival order, one task at a time, on the shared worker pool (never on Netty's event
 * loop, since queries block). When a client sends faster than its statements run, reading from its socket pauses
 * at {@value #HIGH} queued frames and resumes at {@value #LOW}, so a pipelining client cannot fill the heap.
 */
final class SerialQueue {
    static final int HIGH = 64;
    static final int LOW = 16;

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor pool;
    private final Channel channel;

    SerialQueue(Executor pool, Channel channel) {
        this.pool = pool;
        this.channel = channel;
    }

    void submit(Runnable task) {
        tasks.add(task);
        if (pending.incrementAndGet() >= HIGH) {
            channel.config().setAutoRead(false);
        }
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                channel.close();
            }
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } finally {
                    if (pending.decrementAndGet() == LOW && channel.isActive()) {
                        channel.config().setAutoRead(true);
                    }
                }
            }
        } finally {
            scheduled.set(false);
        }
        if (!tasks.isEmpty()) {
            schedule();
        }
    }
}
