package com.hirerelay.api.testkit.internal;

/** A source of captured log lines that can be detached. Not API. */
interface LogTap extends AutoCloseable {

    /** A tap that captures nothing, for a logging library that is absent. */
    LogTap NONE = new LogTap() {
        @Override
        public String text() {
            return "";
        }

        @Override
        public void close() {}
    };

    /** @return what was captured so far */
    String text();

    @Override
    void close();

    /** @return a tap on SLF4J over Logback when both are on the class path and bound, otherwise {@link #NONE} */
    static LogTap slf4jIfBound() {
        ClassLoader loader = LogTap.class.getClassLoader();
        try {
            Class.forName("ch.qos.logback.classic.LoggerContext", false, loader);
            Class.forName("org.slf4j.LoggerFactory", false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            return NONE;
        }
        return LogbackTap.startIfBound();
    }
}
