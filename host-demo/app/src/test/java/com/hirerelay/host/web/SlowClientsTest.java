package com.hirerelay.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RawHttp;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow clients (slowloris): many connections that each send a request head announcing a body and then
 * nothing. Each body being read holds a request thread, so they are bounded per client address; the rest
 * are refused at once, the host keeps serving everyone else, and every one of them gets its answer.
 */
class SlowClientsTest {

    private static final int SLOW_CONNECTIONS = 300;

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    @Test
    void threeHundredHeadsWithoutTheirBodiesCannotTakeTheRequestThreads() {
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        List<RawHttp> slow = new ArrayList<>();
        try {
            // sign-in reads its body as anyone may, so no session is needed to try this
            byte[] head = RawHttp.request(
                    "POST",
                    "/api/session",
                    Map.of("Content-Type", "application/json", "Content-Length", "100"),
                    new byte[0]);
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                RawHttp connection = new RawHttp(host.baseUri());
                slow.add(connection);
                connection.sendOnly(head);
            }

            var answer = recruiter.get("/api/candidates?pageSize=1");
            assertThat(answer.status())
                    .as("a normal request while " + SLOW_CONNECTIONS + " bodies are outstanding: " + answer)
                    .isEqualTo(200);

            Map<Integer, Integer> statuses = new TreeMap<>();
            for (RawHttp connection : slow) {
                RawHttp.Answer slowAnswer = connection.receive();
                statuses.merge(slowAnswer.status(), 1, Integer::sum);
                assertThat(slowAnswer.header("content-type"))
                        .as("every slow client is answered in the error shape: " + slowAnswer)
                        .startsWith("application/json");
            }
            assertThat(statuses.keySet()).as("answers by status: " + statuses).containsOnly(408, 429);
            // Without the bound all 300 would wait for their bodies (and 100 more than the request threads).
            // How many time out depends on how long sending took (a slot is free again after 5 s), so the
            // count at once is proven by BodyReadSlotsTest; here: the bound refused the others at once.
            assertThat(statuses.getOrDefault(429, 0))
                    .as("refused at once instead of holding a thread; answers by status: " + statuses)
                    .isGreaterThanOrEqualTo(SLOW_CONNECTIONS / 2);
        } finally {
            slow.forEach(RawHttp::close);
        }
    }
}
