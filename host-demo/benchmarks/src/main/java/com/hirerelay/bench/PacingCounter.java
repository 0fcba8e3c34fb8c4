package com.hirerelay.bench;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the plugin's "Paced POST" log lines: how often its POST limiter made an export wait. */
public final class PacingCounter extends AppenderBase<ILoggingEvent> {

    static final AtomicLong PACED = new AtomicLong();

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getFormattedMessage().startsWith("Paced POST")) {
            PACED.incrementAndGet();
        }
    }
}
