package com.hirerelay.host.metrics.archviolation;

import com.hirerelay.host.export.ExportService;

/** Breaks the leaf rule on purpose: a metrics class that reaches into the export feature. */
public final class MetricsKnowingAFeature {

    private MetricsKnowingAFeature() {}

    /** @return the feature class it should not know */
    public static Class<?> feature() {
        return ExportService.class;
    }
}
