package com.hirerelay.host.plugins;

import com.hirerelay.host.HostException;
import java.util.List;

/**
 * A plugin jar was refused before pf4j loaded it, for the reasons listed.
 */
public class PluginRejectedException extends HostException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public PluginRejectedException(String fileName, List<String> problems) {
        super("Plugin jar '" + fileName + "' was refused: " + String.join("; ", problems), null);
        this.problems = List.copyOf(problems);
    }

    /** @return each reason, as a sentence */
    public List<String> problems() {
        return problems;
    }
}
