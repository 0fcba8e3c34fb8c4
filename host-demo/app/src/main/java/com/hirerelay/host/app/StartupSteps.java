package com.hirerelay.host.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The duration of each step of a start, wall clock and CPU time of the thread that ran it, for one DEBUG line: a
 * start that got slower says which step grew (start-up is mostly class loading, so the CPU time is what a busy
 * machine does not inflate). Steps run on the starting thread in sequence ({@link #lap}) or beside it on threads
 * of their own ({@link #timed}). Unless {@code recording}, only the total is kept: reading CPU times loads the
 * JVM's management classes, which a start should not pay for when nobody reads the line.
 */
final class StartupSteps {

    private final boolean recording;
    private final ThreadMXBean threads;
    private final long started = System.nanoTime();
    private final List<String> steps = new ArrayList<>();
    private long lastWall = started;
    private long lastCpu;

    /** @param recording whether to note each step (for the DEBUG line) or only the total */
    StartupSteps(boolean recording) {
        this.recording = recording;
        this.threads = recording ? ManagementFactory.getThreadMXBean() : null;
        this.lastCpu = cpu();
        if (recording) {
            // The JVM starts on the thread that runs main, so its CPU time so far is the JVM's and the command line's.
            steps.add(describe(
                    "JVM and command line before this",
                    ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000,
                    lastCpu));
        }
    }

    /** Ends the step the starting thread ran since the previous lap. */
    synchronized void lap(String step) {
        if (!recording) {
            return;
        }
        long wall = System.nanoTime();
        long cpu = cpu();
        steps.add(describe(step, wall - lastWall, cpu - lastCpu));
        lastWall = wall;
        lastCpu = cpu;
    }

    /** Runs a step that goes on beside the starting thread, noting its own duration. */
    <T> T timed(String step, java.util.function.Supplier<T> work) {
        if (!recording) {
            return work.get();
        }
        long wall = System.nanoTime();
        long cpu = cpu();
        try {
            return work.get();
        } finally {
            long tookWall = System.nanoTime() - wall;
            long tookCpu = cpu() - cpu;
            synchronized (this) {
                steps.add(describe(step + " (beside)", tookWall, tookCpu));
            }
        }
    }

    /** @return the milliseconds since this start began */
    long elapsedMillis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public synchronized String toString() {
        return String.join(", ", steps);
    }

    private static String describe(String step, long wallNanos, long cpuNanos) {
        return step + " " + wallNanos / 1_000_000 + " ms"
                + (cpuNanos >= 0 ? " (CPU " + cpuNanos / 1_000_000 + ")" : "");
    }

    private long cpu() {
        return threads != null && threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }
}
