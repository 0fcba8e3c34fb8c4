package com.hirerelay.host.candidates;

import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Search by name or e-mail finds substrings in any case, through the trigram index for three characters
 * or more and by scanning below that, and follows edits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateSearchTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    ApiClient recruiter;

    @BeforeAll
    void signIn() {
        recruiter = host.signIn(RECRUITER);
    }

    private long total(String query) {
        return recruiter
                .get("/api/candidates?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .json()
                .get("total")
                .asLong();
    }

    @Test
    void findsSubstringsOfNamesAndEmailsInAnyCase() {
        assertThat(total("GARCÍA")).as("accented surname, upper case").isEqualTo(1);
        assertThat(total("rcí")).as("three letters inside a name").isEqualTo(1);
        assertThat(total("marta.garcia@exa")).as("part of an e-mail").isEqualTo(1);
        assertThat(total("山")).as("one CJK character, below the trigram length").isZero();
        assertThat(total("ma")).as("two letters").isGreaterThan(1);
        assertThat(total("nobody-like-this")).isZero();
        assertThat(total("\"")).isZero();
        assertThat(total("a\"b OR c")).isZero();
    }

    @Test
    void pagesThroughEveryMatchNewestFirstAndAgreesWithTheStatusFilters() {
        String query = "example.com";
        long total = total(query);
        List<Long> ids = new ArrayList<>();
        for (int page = 1; page <= (total + 4) / 5; page++) {
            var items = recruiter
                    .get("/api/candidates?pageSize=5&page=" + page + "&q=" + query)
                    .json()
                    .get("items");
            for (var item : items) {
                assertThat(item.get("email").asText())
                        .as("a match of page %d", page)
                        .contains(query);
                ids.add(item.get("id").asLong());
            }
        }
        assertThat(total)
                .as("the demo's candidates all have an example.com e-mail")
                .isGreaterThan(10);
        assertThat(ids)
                .as("every match once, over the pages")
                .hasSize((int) total)
                .doesNotHaveDuplicates();
        assertThat(ids).as("newest first, as the unfiltered list").isSortedAccordingTo(Comparator.reverseOrder());
        long byStatus = 0;
        for (String status : List.of("ACTIVE", "HIRED", "REJECTED", "WITHDRAWN")) {
            byStatus += recruiter
                    .get("/api/candidates?status=" + status + "&q=" + query)
                    .json()
                    .get("total")
                    .asLong();
        }
        assertThat(byStatus)
                .as("the search with a status filter (through the candidates) counts as the search alone")
                .isEqualTo(total);
    }

    @Test
    void followsEditsOfTheCandidate() {
        long id = recruiter
                .get("/api/candidates?q=lindqvist")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        assertThat(recruiter
                        .put("/api/candidates/" + id, Map.of("lastName", "Strindberg", "email", "nora.s@example.com"))
                        .status())
                .isEqualTo(200);
        assertThat(total("lindqvist")).isZero();
        assertThat(total("strindberg")).isEqualTo(1);
    }
}
