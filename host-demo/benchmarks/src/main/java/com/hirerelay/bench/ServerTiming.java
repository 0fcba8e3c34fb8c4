package com.hirerelay.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a {@code Server-Timing} header: {@code name;desc="...";dur=1.234, ...}. */
final class ServerTiming {

    private ServerTiming() {}

    /** @return each entry's name and duration in milliseconds, in the header's order */
    static Map<String, Double> parse(String header) {
        Map<String, Double> entries = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return entries;
        }
        for (String entry : header.split(",\\s*(?=[a-z])")) {
            String name = entry.contains(";") ? entry.substring(0, entry.indexOf(';')) : entry;
            int dur = entry.indexOf("dur=");
            if (dur >= 0) {
                entries.put(
                        name.strip(),
                        Double.parseDouble(entry.substring(dur + 4).strip()));
            }
        }
        return entries;
    }
}
