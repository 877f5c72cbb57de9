package dev.prodlint.engine;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scan's worker threads, with a time budget per file. A file whose work runs past the budget
 * is given up: its caller gets nothing back, the thread is interrupted and, since native parser
 * code cannot be stopped, replaced by a fresh one so the rest of the scan keeps its parallelism.
 * The abandoned thread is a daemon and dies with the process.
 */
final class WorkerPool implements AutoCloseable {
    /** Parsers and lowerings recurse; a large stack keeps deeply nested code from overflowing. */
    private static final long WORKER_STACK_BYTES = 1024L * 1024 * 1024;
    /** Abandoned threads replaced at most this many times; past it, the pool runs with fewer. */
    private static final int MAX_REPLACEMENTS = 8;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ThreadPoolExecutor executor;
    private final long budgetNanos;
    private final Set<String> abandoned = ConcurrentHashMap.newKeySet();
    private int replacements;

    /** One file's work, and when a worker started it (0 while queued). */
    static final class Task<T> {
        final String path;
        final FutureTask<T> future;
        volatile long started;

        private Task(String path, Callable<T> work) {
            this.path = path;
            this.future = new FutureTask<>(() -> {
                started = System.nanoTime();
                return work.call();
            });
        }
    }

    WorkerPool(int threads, long budgetMillis) {
        int n = Math.max(1, threads);
        this.executor = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), workerThreads());
        this.budgetNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, budgetMillis));
    }

    <T> Task<T> submit(String path, Callable<T> work) {
        Task<T> t = new Task<>(path, work);
        executor.execute(t.future);
        return t;
    }

    /**
     * The task's result; empty when it ran past its budget (the file is then remembered as
     * abandoned). A failure inside the task is rethrown as its cause.
     */
    <T> Optional<T> await(Task<T> t) throws ExecutionException, InterruptedException {
        while (true) {
            long started = t.started;
            long wait = started == 0 ? POLL_NANOS : started + budgetNanos - System.nanoTime();
            if (started != 0 && wait <= 0 && !t.future.isDone()) {
                abandon(t);
                return Optional.empty();
            }
            try {
                return Optional.of(t.future.get(Math.max(wait, 1), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                // queued, or still inside its budget: look again
            }
        }
    }

    /** True when this file's work was given up earlier in the scan (the second pass need not try again). */
    boolean wasAbandoned(String path) {
        return abandoned.contains(path);
    }

    long budgetMillis() {
        return TimeUnit.NANOSECONDS.toMillis(budgetNanos);
    }

    private synchronized void abandon(Task<?> t) {
        abandoned.add(t.path);
        t.future.cancel(true);
        if (replacements < MAX_REPLACEMENTS) {
            replacements++;
            executor.setMaximumPoolSize(executor.getMaximumPoolSize() + 1);
            executor.setCorePoolSize(executor.getCorePoolSize() + 1);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, "prodlint-worker-" + n.incrementAndGet(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }
}
