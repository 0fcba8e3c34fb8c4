package com.hirerelay.bench;

import com.hirerelay.sandbox.RecordedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The fewest round trips an export's requests need, computed from the requests the plugin actually sent: each
 * request waits only for the answers it needs from Factorial, so its round trip is one after the latest of those.
 * What a request needs is Factorial's data flow, not the order the plugin happened to send them in:
 *
 * <ul>
 *   <li>the create needs every request before it (the duplicate check decides whether to create at all);
 *   <li>every request after the create needs the create (they name the new employee's id);
 *   <li>a contract-version PUT needs the reference-contract read before it (which names the version's id);
 *   <li>an employee read by ids needs the custom-field value read before it (which names the ids);
 *   <li>a custom-field value read needs a custom-field read before it (which names the field);
 *   <li>anything else before the create (the look-ups) needs nothing.
 * </ul>
 *
 * So more requests from a plugin change the floor by themselves, and requests a plugin sends one after the other
 * although they need nothing from each other do not raise it.
 *
 * @param requests the export's requests, in the order the sandbox received them
 * @param levels the round trip of each request, 1-based, in the same order
 */
record RoundTripPlan(List<RecordedRequest> requests, List<Integer> levels) {

    static final String CREATE = "employees/employees/create_with_contract";
    private static final java.util.regex.Pattern BY_IDS = java.util.regex.Pattern.compile("(^|&)ids(%5B%5D|\\[\\])?=");

    static RoundTripPlan of(List<RecordedRequest> requests) {
        List<Integer> levels = new ArrayList<>();
        int create = -1;
        for (int i = 0; i < requests.size(); i++) {
            RecordedRequest request = requests.get(i);
            int needed = 0;
            if (isCreate(request)) {
                for (int j = 0; j < i; j++) {
                    needed = Math.max(needed, levels.get(j));
                }
                create = i;
            } else {
                if (create >= 0) {
                    needed = levels.get(create);
                }
                String needs = needs(request);
                if (needs != null) {
                    for (int j = i - 1; j > create; j--) {
                        if (is(requests.get(j), "GET", needs)) {
                            needed = Math.max(needed, levels.get(j));
                            break;
                        }
                    }
                }
            }
            levels.add(needed + 1);
        }
        return new RoundTripPlan(List.copyOf(requests), List.copyOf(levels));
    }

    /** @return the round trips the requests need at the least */
    int floor() {
        return levels.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** @return the requests of each round trip, side by side within one */
    List<List<RecordedRequest>> trips() {
        List<List<RecordedRequest>> trips = new ArrayList<>();
        for (int level = 1; level <= floor(); level++) {
            List<RecordedRequest> trip = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                if (levels.get(i) == level) {
                    trip.add(requests.get(i));
                }
            }
            trips.add(trip);
        }
        return trips;
    }

    /** E.g. {@code 8 requests: GET a ∥ GET b → POST c → …}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (List<RecordedRequest> trip : trips()) {
            parts.add(String.join(
                    " ∥ ", trip.stream().map(r -> r.method() + " " + label(r)).toList()));
        }
        return requests.size() + " requests: " + String.join(" → ", parts);
    }

    private static boolean isCreate(RecordedRequest request) {
        return is(request, "POST", CREATE);
    }

    /** The read whose answer this request needs besides the create, or {@code null}. */
    private static String needs(RecordedRequest request) {
        String resource = resource(request);
        if (request.method().equals("PUT") && resource.startsWith("contracts/contract_versions/")) {
            return "contracts/reference_contracts";
        }
        if (request.method().equals("GET")
                && resource.equals("employees/employees")
                && request.query() != null
                && BY_IDS.matcher(request.query()).find()) {
            return "custom_fields/values";
        }
        if (request.method().equals("GET") && resource.equals("custom_fields/values")) {
            return "custom_fields/fields";
        }
        return null;
    }

    private static boolean is(RecordedRequest request, String method, String resource) {
        return request.method().equals(method) && resource(request).equals(resource);
    }

    private static String resource(RecordedRequest request) {
        return request.resource() == null ? "" : request.resource();
    }

    /** The resource with ids replaced, so that the description reads the same for every export. */
    static String label(RecordedRequest request) {
        return resource(request).replaceAll("/[0-9a-fA-F-]*[0-9][0-9a-fA-F-]*(?=/|$)", "/{id}");
    }
}
