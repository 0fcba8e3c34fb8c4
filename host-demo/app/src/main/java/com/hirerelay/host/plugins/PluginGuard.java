package com.hirerelay.host.plugins;

import com.hirerelay.api.HrisException;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.metrics.HostMetrics;
import com.hirerelay.host.metrics.RequestTiming;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the host calls into plugin code. Every call:
 * <ul>
 *   <li>runs with the plugin's class loader as the thread's context class loader (Jersey, Jackson and
 *       every other ServiceLoader user inside the plugin need it);</li>
 *   <li>lets {@link HrisException}s through, as the contract allows them;</li>
 *   <li>turns any other {@link RuntimeException} or {@link LinkageError} into a
 *       {@link PluginFailureException} and reports it against the plugin.</li>
 * </ul>
 *
 * <p>Where a call runs depends on what the plugin API lets it do:
 * <ul>
 *   <li>calls the API says do no I/O ({@link #call}) run on the caller's thread: extension
 *       constructors, {@code HrisConnector.info()} and {@code open()}, {@code ExportMenuContribution.menuItem()}
 *       and {@code isVisible()}, and every method of {@code IntegrationSettingsPanel}. Handing them to
 *       another thread would cost more than the call;</li>
 *   <li>calls that may do I/O ({@link #callWithin}: every {@code HrisConnection} method) run on the
 *       plugin's own executor: a fixed number of threads and a bounded queue
 *       ({@link PluginCallLimits}), with a time limit. A plugin that hangs thus holds at most its own
 *       threads, never a request thread, and a call that finds the queue full is refused at once
 *       ({@link Reason#BUSY}) instead of waiting behind calls that may never end.</li>
 * </ul>
 */
public final class PluginGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginGuard.class);
    /** The names of the threads that run plugins' I/O calls start with this, then the plugin id. */
    public static final String THREAD_NAME_PREFIX = "plugin-io-";
    /** The suggested wait after a refusal for lack of room. */
    private static final long BUSY_RETRY_SECONDS = 5;

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;

    private final PluginCallLimits limits;
    private final BiConsumer<String, Throwable> failureListener;
    private final HostMetrics metrics;
    private final Map<String, ThreadPoolExecutor> executors = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param limits the size of each plugin's executor
     * @param failureListener told (plugin id, cause) about every failure that is not an HrisException
     * @param metrics counts failures, time-outs and refusals, and shows each plugin's queue
     */
    public PluginGuard(PluginCallLimits limits, BiConsumer<String, Throwable> failureListener, HostMetrics metrics) {
        this.limits = limits;
        this.failureListener = failureListener;
        this.metrics = metrics;
    }

    /**
     * Calls plugin code that does no I/O, on the current thread.
     *
     * @param pluginId whose code it is, for reports
     * @param loader the plugin's class loader
     * @param what a few words on the call, for reports ("menu item of ...")
     * @param call the call
     * @return what the call returned
     * @throws PluginFailureException when the call throws anything but an {@link HrisException}
     */
    public <T> T call(String pluginId, ClassLoader loader, String what, Callable<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } catch (HrisException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw failed(pluginId, what, e);
        } catch (Exception e) {
            throw failed(pluginId, what, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Calls plugin code that may do I/O on one of the plugin's threads, and waits at most
     * {@code limit} (waiting for a free thread included).
     *
     * @throws PluginTimeoutException when the call started but did not finish in time; the worker is
     *         interrupted, and the call's outcome is unknown
     * @throws RequestRefusedException {@link Reason#BUSY} when the plugin's queue is full, or the call
     *         waited the whole limit for a thread; it never started then
     */
    public <T> T callWithin(Duration limit, String pluginId, ClassLoader loader, String what, Callable<T> call) {
        AtomicInteger phase = new AtomicInteger(QUEUED);
        // The plugin reports its requests to the HR system on its thread: they belong to the caller's request.
        RequestTiming timing = RequestTiming.current();
        Callable<T> task = () -> {
            // A call given up while it waited must never start later: its caller was told so.
            if (!phase.compareAndSet(QUEUED, RUNNING)) {
                return null;
            }
            if (timing == null) {
                return call(pluginId, loader, what, call);
            }
            long cpuBefore = RequestTiming.threadCpuNanos();
            try {
                return timing.runBound(() -> call(pluginId, loader, what, call));
            } finally {
                timing.ranOnPluginThread(RequestTiming.threadCpuNanos() - cpuBefore);
            }
        };
        ThreadPoolExecutor executor;
        Future<T> future;
        while (true) {
            executor = executor(pluginId, what);
            try {
                future = executor.submit(task);
                break;
            } catch (RejectedExecutionException refused) {
                if (!executor.isShutdown()) {
                    throw busy(executor, pluginId, what);
                }
                // Retired between look-up and submit (the plugin changed): its successor takes the call.
            }
        }
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (phase.compareAndSet(QUEUED, ABANDONED)) {
                future.cancel(false);
                executor.remove((Runnable) future);
                LOG.warn("Plugin '{}' had no free thread for {} within {}", pluginId, what, describe(limit));
                metrics.pluginCallFailed(pluginId, "busy");
                throw new RequestRefusedException(
                        Reason.BUSY,
                        "Plugin '" + pluginId + "' had no free thread for " + what + " within " + describe(limit)
                                + ": all " + limits.threadsPerPlugin() + " of its threads were busy. Nothing was"
                                + " sent; try again in a moment.",
                        BUSY_RETRY_SECONDS);
            }
            future.cancel(true);
            PluginTimeoutException timeout = new PluginTimeoutException(
                    pluginId, "Plugin '" + pluginId + "' did not finish " + what + " within " + describe(limit));
            LOG.warn("{}", timeout.getMessage());
            metrics.pluginCallFailed(pluginId, "timeout");
            failureListener.accept(pluginId, timeout);
            throw timeout;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw failed(pluginId, what, cause);
        } catch (InterruptedException e) {
            phase.compareAndSet(QUEUED, ABANDONED);
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginFailureException(pluginId, "Interrupted while waiting for plugin '" + pluginId + "'", e);
        }
    }

    /**
     * Stops taking I/O calls for the plugin on its current executor, after the plugin stopped or was
     * replaced; calls already queued or running finish. A later call gets a new executor.
     */
    void retire(String pluginId) {
        ThreadPoolExecutor executor = executors.remove(pluginId);
        if (executor != null) {
            executor.shutdown();
        }
    }

    private ThreadPoolExecutor executor(String pluginId, String what) {
        if (closed) {
            throw new PluginFailureException(
                    pluginId, "The host is stopping; plugin '" + pluginId + "' cannot run " + what, null);
        }
        return executors.computeIfAbsent(pluginId, id -> {
            // Read at each scrape from whichever executor the plugin has then (a replaced plugin gets a new one).
            metrics.gauge(
                    "hirerelay.plugin.calls.queued",
                    "Plugin I/O calls waiting for a thread",
                    () -> {
                        ThreadPoolExecutor current = executors.get(id);
                        return current == null ? 0 : current.getQueue().size();
                    },
                    "plugin",
                    id);
            metrics.gauge(
                    "hirerelay.plugin.calls.active",
                    "Plugin I/O calls running",
                    () -> {
                        ThreadPoolExecutor current = executors.get(id);
                        return current == null ? 0 : current.getActiveCount();
                    },
                    "plugin",
                    id);
            return newExecutor(id);
        });
    }

    private RequestRefusedException busy(ThreadPoolExecutor executor, String pluginId, String what) {
        LOG.warn(
                "Plugin '{}' is busy: refused {} ({} threads working, {} calls waiting)",
                pluginId,
                what,
                executor.getActiveCount(),
                executor.getQueue().size());
        metrics.pluginCallFailed(pluginId, "busy");
        return new RequestRefusedException(
                Reason.BUSY,
                "Plugin '" + pluginId + "' is busy: all " + limits.threadsPerPlugin() + " of its threads are"
                        + " working and " + limits.queuePerPlugin() + " more calls are waiting. Nothing was"
                        + " sent; try again in a few seconds.",
                BUSY_RETRY_SECONDS);
    }

    private ThreadPoolExecutor newExecutor(String pluginId) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                limits.threadsPerPlugin(),
                limits.threadsPerPlugin(),
                30,
                TimeUnit.SECONDS,
                limits.queuePerPlugin() == 0
                        ? new SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(limits.queuePerPlugin()),
                new PluginThreadFactory(pluginId));
        // A plugin nobody calls holds no threads.
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private PluginFailureException failed(String pluginId, String what, Throwable cause) {
        String message = "Plugin '" + pluginId + "' failed during " + what + ": " + describe(cause);
        LOG.warn("{}", message, cause);
        metrics.pluginCallFailed(pluginId, "failure");
        failureListener.accept(pluginId, cause);
        return new PluginFailureException(pluginId, message, cause);
    }

    /** @return the limit the way people read it: "500 ms", "10 s" */
    static String describe(Duration limit) {
        return limit.toMillis() < 1000 ? limit.toMillis() + " ms" : limit.toSeconds() + " s";
    }

    /** @return the exception's type and message, the way an admin reads it */
    static String describe(Throwable cause) {
        StringBuilder text = new StringBuilder();
        // Walk the chain: an ExceptionInInitializerError alone says nothing about what went wrong.
        for (Throwable link = cause; link != null && text.length() < 500; link = link.getCause()) {
            if (link != cause) {
                text.append(" caused by ");
            }
            String message = link.getMessage();
            text.append(link.getClass().getSimpleName());
            if (message != null && !message.isBlank()) {
                text.append(" (").append(message).append(')');
            }
            if (link.getCause() == link) {
                break;
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        closed = true;
        executors.values().forEach(ThreadPoolExecutor::shutdownNow);
        executors.clear();
    }

    private static final class PluginThreadFactory implements ThreadFactory {
        private final String pluginId;
        private final AtomicInteger count = new AtomicInteger();

        PluginThreadFactory(String pluginId) {
            this.pluginId = pluginId;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, THREAD_NAME_PREFIX + pluginId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
