package com.hirerelay.host.plugins;

import com.hirerelay.api.HrisException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
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
 *       {@link PluginFailureException} and reports it against the plugin;</li>
 *   <li>optionally runs on a worker thread with a time limit, for calls that do I/O, so that a plugin
 *       that hangs cannot hold a request thread forever.</li>
 * </ul>
 */
public final class PluginGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginGuard.class);

    private final ExecutorService workers;
    private final BiConsumer<String, Throwable> failureListener;

    /**
     * @param failureListener told (plugin id, cause) about every failure that is not an HrisException
     */
    public PluginGuard(BiConsumer<String, Throwable> failureListener) {
        this.failureListener = failureListener;
        this.workers = Executors.newCachedThreadPool(new PluginThreadFactory());
    }

    /**
     * Calls plugin code on the current thread.
     *
     * @param pluginId whose code it is, for reports
     * @param loader the plugin's class loader
     * @param what a few words on the call, for reports ("menu item of ...")
     * @param call the call
     * @return what the call returned
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
     * Calls plugin code on a worker thread and waits at most {@code limit}.
     *
     * @throws PluginTimeoutException when the limit passes; the worker is interrupted
     */
    public <T> T callWithin(Duration limit, String pluginId, ClassLoader loader, String what, Callable<T> call) {
        Future<T> future = workers.submit(() -> call(pluginId, loader, what, call));
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            PluginTimeoutException timeout = new PluginTimeoutException(
                    pluginId, "Plugin '" + pluginId + "' did not finish " + what + " within " + describe(limit));
            LOG.warn("{}", timeout.getMessage());
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
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginFailureException(pluginId, "Interrupted while waiting for plugin '" + pluginId + "'", e);
        }
    }

    private PluginFailureException failed(String pluginId, String what, Throwable cause) {
        String message = "Plugin '" + pluginId + "' failed during " + what + ": " + describe(cause);
        LOG.warn("{}", message, cause);
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
        workers.shutdownNow();
    }

    private static final class PluginThreadFactory implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "plugin-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
