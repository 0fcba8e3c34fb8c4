package com.hirerelay.host.plugins;

import com.hirerelay.api.FieldError;
import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.errors.HostException;
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

    @Override
    public int httpStatus() {
        return 422;
    }

    /** @return code {@code plugin_rejected}, each problem as an error of the {@code jar} field */
    @Override
    public ApiError toApiError() {
        return new ApiError(
                "plugin_rejected",
                getMessage(),
                problems.stream().map(problem -> new FieldError("jar", problem)).toList(),
                null);
    }
}
