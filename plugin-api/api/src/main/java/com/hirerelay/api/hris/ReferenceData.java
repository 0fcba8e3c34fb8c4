package com.hirerelay.api.hris;

import com.hirerelay.api.SelectOption;
import com.hirerelay.api.internal.Require;
import java.util.List;
import java.util.Map;

/**
 * The choices the HR system offers for a draft's select inputs (legal entities, locations, teams,
 * managers, ...), as named lists. A {@link DraftField#referenceList()} names the list it draws from.
 *
 * @param lists list name to its options in display order; never null
 */
public record ReferenceData(Map<String, List<SelectOption>> lists) {

    /** No lists at all, for connectors that need none. */
    public static final ReferenceData EMPTY = new ReferenceData(Map.of());

    /**
     * @throws IllegalArgumentException if a name or an option is null
     */
    public ReferenceData {
        Require.noNulls(lists, "reference lists");
        lists = lists.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, entry -> List.copyOf(Require.noNulls(entry.getValue(), "options"))));
    }

    /**
     * @param listName the list's name
     * @return its options, or an empty list when there is no such list
     */
    public List<SelectOption> options(String listName) {
        return lists.getOrDefault(listName, List.of());
    }

    /**
     * @param listName the list's name
     * @param value an option value
     * @return whether the list offers that value
     */
    public boolean contains(String listName, String value) {
        return options(listName).stream().anyMatch(option -> option.value().equals(value));
    }
}
