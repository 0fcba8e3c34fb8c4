package com.hirerelay.factorial.client;

import com.hirerelay.api.hris.HrisRequest;
import com.hirerelay.api.hris.HrisRequestListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the connection's requests and rate-limit waits to the host's {@link HrisRequestListener}, on
 * the thread the host called: work done on a thread of the connection's own ({@link #holding}) keeps
 * its reports until the calling thread {@linkplain Held#release() releases} them.
 *
 * <p>Thread-safe. A listener that throws is logged and otherwise ignored: reporting never fails an
 * export.
 */
public final class RequestReports {

    private static final Logger LOG = LoggerFactory.getLogger(RequestReports.class);

    private final HrisRequestListener listener;
    private final ThreadLocal<List<Consumer<HrisRequestListener>>> held = new ThreadLocal<>();

    /** @param listener the host's listener; {@link HrisRequestListener#NONE} for none */
    public RequestReports(HrisRequestListener listener) {
        this.listener = listener;
    }

    /** Reports nothing. */
    public static RequestReports none() {
        return new RequestReports(HrisRequestListener.NONE);
    }

    void requestFinished(String method, String resource, int status, long startNanos, long endNanos) {
        HrisRequest request = new HrisRequest(method, endpoint(resource), status, startNanos, endNanos);
        deliver(target -> target.requestFinished(request));
    }

    void rateBudgetWaited(long startNanos, long endNanos) {
        deliver(target -> target.rateBudgetWaited(startNanos, endNanos));
    }

    /**
     * Runs work that a thread of the connection's own does for a caller, keeping its reports for that
     * caller.
     *
     * @return the work's result or failure, with its reports
     */
    public <T> Held<T> holding(Supplier<T> work) {
        List<Consumer<HrisRequestListener>> reports = new ArrayList<>();
        held.set(reports);
        try {
            return new Held<>(work.get(), null, reports);
        } catch (RuntimeException failed) {
            return new Held<>(null, failed, reports);
        } finally {
            held.remove();
        }
    }

    /**
     * What {@link #holding} ran: a value or a failure, and the reports to hand over.
     *
     * @param <T> the value's type
     */
    public final class Held<T> {
        private final T value;
        private final RuntimeException failure;
        private final List<Consumer<HrisRequestListener>> reports;

        private Held(T value, RuntimeException failure, List<Consumer<HrisRequestListener>> reports) {
            this.value = value;
            this.failure = failure;
            this.reports = reports;
        }

        /**
         * Reports the held requests on the current thread, then gives the result.
         *
         * @throws RuntimeException the work's failure
         */
        public T release() {
            reportOnly();
            if (failure != null) {
                throw failure;
            }
            return value;
        }

        /** Reports the held requests on the current thread, for work whose result nobody waits for. */
        public void reportOnly() {
            reports.forEach(RequestReports.this::deliver);
        }
    }

    private void deliver(Consumer<HrisRequestListener> report) {
        List<Consumer<HrisRequestListener>> holdingHere = held.get();
        if (holdingHere != null) {
            holdingHere.add(report);
            return;
        }
        try {
            report.accept(listener);
        } catch (RuntimeException broken) {
            LOG.debug("The host's request listener failed: {}", broken.toString());
        }
    }

    /**
     * {@code employees/employees/42} becomes {@code employees/employees/{id}}. Runs once per request, so it scans
     * the characters itself (a regular expression per segment showed in profiles).
     */
    static String endpoint(String resource) {
        StringBuilder label = new StringBuilder(resource.length());
        int length = resource.length();
        int start = 0;
        while (start <= length) {
            int end = resource.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                if (label.length() > 0) {
                    label.append('/');
                }
                if (isId(resource, start, end)) {
                    label.append("{id}");
                } else {
                    label.append(resource, start, end);
                }
            }
            start = end + 1;
        }
        return label.length() == 0 ? "/" : label.toString();
    }

    /** An id segment: digits only, or 16 or more hexadecimal digits and dashes (a UUID-like token). */
    private static boolean isId(String resource, int start, int end) {
        boolean digits = true;
        boolean hex = true;
        for (int i = start; i < end; i++) {
            char c = resource.charAt(i);
            digits &= c >= '0' && c <= '9';
            hex &= (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-';
        }
        return digits || (hex && end - start >= 16);
    }
}
