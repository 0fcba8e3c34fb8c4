package com.hirerelay.factorial;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Factorial HR plugin's life cycle. The extensions do the work; this only reports start and stop.
 */
public class FactorialPlugin extends Plugin {

    /**
     * The connector id every extension of this plugin answers to. It lives here, in the package every other
     * package may use, so that the settings panel and the menu need not depend on the connector.
     */
    public static final String CONNECTOR_ID = "factorial";

    private static final Logger LOG = LoggerFactory.getLogger(FactorialPlugin.class);

    @Override
    public void start() {
        LOG.info("Factorial HR plugin started");
    }

    @Override
    public void stop() {
        LOG.info("Factorial HR plugin stopped");
    }
}
