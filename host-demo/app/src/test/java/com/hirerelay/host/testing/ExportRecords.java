package com.hirerelay.host.testing;

import com.hirerelay.sandbox.FactorialSandbox;
import java.util.ArrayList;
import java.util.List;

/** What the tests of exactly-once exports read back: the creates Factorial received and the export history. */
public final class ExportRecords {

    private ExportRecords() {}

    /** @return how many employee creates ({@code POST …/create_with_contract}) the sandbox has received */
    public static long createsSent(FactorialSandbox sandbox) {
        return sandbox.requests().stream()
                .filter(request ->
                        request.method().equals("POST") && request.resource().endsWith("create_with_contract"))
                .count();
    }

    /** @return the states of the candidate's export attempts, newest first, as the export history lists them */
    public static List<String> exportStates(ApiClient admin, long candidateId) {
        List<String> states = new ArrayList<>();
        admin.get("/api/exports?candidateId=" + candidateId)
                .json()
                .get("items")
                .forEach(item -> states.add(item.get("state").asText()));
        return states;
    }
}
