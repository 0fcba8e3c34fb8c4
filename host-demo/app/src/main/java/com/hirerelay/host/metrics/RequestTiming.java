package com.hirerelay.host.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server time of one request (or of one export that no request waits for, in a bulk export), split into
 * {@link Phase phases} as the code passes them, and the time spent waiting on the HR system laid over them.
 *
 * <p>Phases are laps: {@link #lap(Phase)} gives the time since the previous lap to that phase, so the phases
 * add up to the time measured, with no gap. Waits on the HR system ({@link #waitedOnHris}) are reported by the
 * plugin's thread and subtracted from the lap they fall in: a phase's time is its own work.
 *
 * <p>The timing of the request a thread is serving is {@linkplain #current() bound to that thread}; the plugin
 * guard binds it to the plugin's thread for the length of a call, so the plugin's reports find it.
 *
 * <p>Beside the wall time, each phase's CPU time: the request thread's, lap by lap, and the plugin threads' for the
 * calls they run for the request ({@link #ranOnPluginThread}). Wall time grows with a busy machine's queue for a
 * core; CPU time does not, so the two together tell work from waiting. The HR-system client's own I/O threads and
 * the JVM's (JIT, GC) are not in it: the process's CPU time covers those.
 *
 * <p>Thread-safe: laps come from the request's thread, waits from the plugin's threads.
 */
public final class RequestTiming {

    private static final ThreadLocal<RequestTiming> CURRENT = new ThreadLocal<>();
    private static final int PHASES = Phase.values().length;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long startNanos;
    // Guarded by this.
    private long lastLap;
    private final long[] lapNanos = new long[PHASES];
    private long lastCpu;
    private final long[] cpuNanos = new long[PHASES];
    /** Lap boundaries as (end time, phase ordinal), to place each wait in its lap. */
    private final List<long[]> laps = new ArrayList<>();

    private final List<long[]> waits = new ArrayList<>();

    private RequestTiming(long startNanos) {
        this.startNanos = startNanos;
        this.lastLap = startNanos;
        this.lastCpu = threadCpuNanos();
    }

    /** @return the current thread's CPU time, user and system, or 0 where the JVM cannot tell */
    public static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /**
     * @param startNanos when the request arrived, by {@link System#nanoTime()}
     * @return a timing started then
     */
    public static RequestTiming startedAt(long startNanos) {
        return new RequestTiming(startNanos);
    }

    /** @return the timing of the request the current thread works for, or null */
    public static RequestTiming current() {
        return CURRENT.get();
    }

    /**
     * Runs work with this timing bound to the current thread (as the plugin guard does on the plugin's thread),
     * restoring what was bound before.
     */
    public <T> T runBound(Supplier<T> work) {
        RequestTiming previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Binds this timing to the current thread until {@link #unbind()}. */
    public RequestTiming bind() {
        CURRENT.set(this);
        return this;
    }

    /** Unbinds whatever timing the current thread has. */
    public static void unbind() {
        CURRENT.remove();
    }

    /** Gives the time since the previous lap (or the start) to {@code phase}. */
    public synchronized void lap(Phase phase) {
        long now = System.nanoTime();
        lapNanos[phase.ordinal()] += now - lastLap;
        lastLap = now;
        long cpu = threadCpuNanos();
        cpuNanos[phase.ordinal()] += cpu - lastCpu;
        lastCpu = cpu;
        laps.add(new long[] {now, phase.ordinal()});
    }

    /**
     * Adds CPU time a plugin's thread spent on a call for this request (the request's thread waits meanwhile) to the
     * plugin phase.
     */
    public synchronized void ranOnPluginThread(long threadCpuNanos) {
        cpuNanos[Phase.PLUGIN.ordinal()] += Math.max(0, threadCpuNanos);
    }

    /**
     * Records a stretch of time the work waited on the HR system (a request, or a wait for its rate limit);
     * stretches may overlap (requests sent side by side) and are counted once.
     */
    public synchronized void waitedOnHris(long startNanos, long endNanos) {
        if (endNanos > startNanos) {
            waits.add(new long[] {startNanos, endNanos});
        }
    }

    /**
     * Gives the time since the previous lap to {@code phase} if this request timed phases, and ends the breakdown at
     * that same instant: one clock reading for the last phase and the total, so that a thread preempted between
     * two readings cannot leave a gap between the phases and the total.
     *
     * @return the phases and the total
     */
    public synchronized Breakdown lapAndBreakdown(Phase phase) {
        if (laps.isEmpty()) {
            return breakdown();
        }
        lap(phase);
        return breakdownAt(lastLap);
    }

    /** @return the phases so far and the total up to now */
    public synchronized Breakdown breakdown() {
        return breakdownAt(System.nanoTime());
    }

    private Breakdown breakdownAt(long now) {
        long[] waitedIn = new long[PHASES];
        long[][] merged = merged();
        long waitedTotal = 0;
        for (long[] wait : merged) {
            waitedTotal += wait[1] - wait[0];
            // Each merged stretch is split over the laps it overlaps.
            long lapStart = startNanos;
            for (long[] lap : laps) {
                long overlap = Math.min(wait[1], lap[0]) - Math.max(wait[0], lapStart);
                if (overlap > 0) {
                    waitedIn[(int) lap[1]] += overlap;
                }
                lapStart = lap[0];
            }
        }
        long[] own = new long[PHASES];
        for (int i = 0; i < PHASES; i++) {
            own[i] = Math.max(0, lapNanos[i] - waitedIn[i]);
        }
        own[Phase.HRIS.ordinal()] = waitedTotal;
        long[] cpu = cpuNanos.clone();
        if (laps.isEmpty()) {
            // A request without phases: its thread's CPU time so far.
            cpu[Phase.HTTP.ordinal()] += threadCpuNanos() - lastCpu;
        }
        return new Breakdown(now - startNanos, own, cpu, !laps.isEmpty());
    }

    private long[][] merged() {
        long[][] sorted = waits.toArray(new long[0][]);
        Arrays.sort(sorted, (a, b) -> Long.compare(a[0], b[0]));
        List<long[]> result = new ArrayList<>();
        for (long[] wait : sorted) {
            long[] last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && wait[0] <= last[1]) {
                last[1] = Math.max(last[1], wait[1]);
            } else {
                result.add(new long[] {wait[0], wait[1]});
            }
        }
        return result.toArray(new long[0][]);
    }

    /**
     * The time of a request so far.
     *
     * @param totalNanos from the request's arrival to now
     * @param phaseNanos per {@link Phase} ordinal: the phase's own time, and for {@link Phase#HRIS} the time
     *                   waited on the HR system
     * @param cpuNanos per {@link Phase} ordinal: the CPU time of the request's thread and of the plugin threads
     *                 working for it in that phase ({@link Phase#HRIS} none); a request without phases has all of
     *                 it under {@link Phase#HTTP}
     * @param hasPhases whether any phase was timed (exports); other requests have a total only
     */
    public record Breakdown(long totalNanos, long[] phaseNanos, long[] cpuNanos, boolean hasPhases) {

        /** @return the phase's time in nanoseconds */
        public long nanos(Phase phase) {
            return phaseNanos[phase.ordinal()];
        }

        /** @return the phase's CPU time in nanoseconds */
        public long cpuNanos(Phase phase) {
            return cpuNanos[phase.ordinal()];
        }

        /** @return the CPU time of the request's thread and of the plugin threads working for it */
        public long totalCpuNanos() {
            return Arrays.stream(cpuNanos).sum();
        }

        /** @return the total less the time waited on the HR system: the host's and the plugin's own time */
        public long ownNanos() {
            return Math.max(0, totalNanos - nanos(Phase.HRIS));
        }

        /**
         * @return the value of a {@code Server-Timing} header (W3C Server Timing): each phase, then {@code own} and
         *         {@code total}, in milliseconds; then the CPU time, each phase's as {@code <phase>-cpu} and the sum
         *         as {@code cpu}
         */
        public String serverTimingHeader() {
            StringBuilder header = new StringBuilder(hasPhases ? 640 : 96);
            if (hasPhases) {
                for (Phase phase : Phase.values()) {
                    entry(header, PHASE_ENTRIES[phase.ordinal()], nanos(phase));
                }
                entry(header, OWN_ENTRY, ownNanos());
            }
            entry(header, TOTAL_ENTRY, totalNanos);
            if (hasPhases) {
                for (Phase phase : Phase.values()) {
                    if (phase != Phase.HRIS) {
                        entry(header, PHASE_CPU_ENTRIES[phase.ordinal()], cpuNanos(phase));
                    }
                }
            }
            entry(header, CPU_ENTRY, totalCpuNanos());
            return header.toString();
        }

        // Each entry's name and description, up to its duration: the same for every request, so built once.
        private static final String[] PHASE_ENTRIES = new String[PHASES];
        private static final String[] PHASE_CPU_ENTRIES = new String[PHASES];
        private static final String OWN_ENTRY = entryStart("own", "Own time (total less HR system)");
        private static final String TOTAL_ENTRY = entryStart("total", "Total");
        private static final String CPU_ENTRY = entryStart("cpu", "CPU time (request and plugin threads)");

        static {
            for (Phase phase : Phase.values()) {
                PHASE_ENTRIES[phase.ordinal()] = entryStart(phase.label(), phase.description());
                PHASE_CPU_ENTRIES[phase.ordinal()] = entryStart(phase.label() + "-cpu", phase.description() + " (CPU)");
            }
        }

        private static String entryStart(String name, String description) {
            return name + ";desc=\"" + description + "\";dur=";
        }

        private static void entry(StringBuilder header, String start, long nanos) {
            if (header.length() > 0) {
                header.append(", ");
            }
            header.append(start);
            appendMillis(header, nanos);
        }

        /**
         * Appends nanoseconds as milliseconds with three decimals, rounded half up ({@code 1234567} gives
         * {@code 1.235}): the header is built for every request, and {@code String.format} cost more than the rest of
         * it together.
         */
        static void appendMillis(StringBuilder out, long nanos) {
            long micros = (Math.max(0, nanos) + 500) / 1000;
            long fraction = micros % 1000;
            out.append(micros / 1000).append('.');
            if (fraction < 100) {
                out.append('0');
            }
            if (fraction < 10) {
                out.append('0');
            }
            out.append(fraction);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Breakdown that
                    && totalNanos == that.totalNanos
                    && hasPhases == that.hasPhases
                    && Arrays.equals(phaseNanos, that.phaseNanos)
                    && Arrays.equals(cpuNanos, that.cpuNanos);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(totalNanos) * 31 + Arrays.hashCode(phaseNanos);
        }

        @Override
        public String toString() {
            return serverTimingHeader();
        }
    }
}
