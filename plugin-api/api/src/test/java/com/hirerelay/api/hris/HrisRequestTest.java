package com.hirerelay.api.hris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The request report of API 1.1.0, and the connector's default for hosts that pass a listener. */
class HrisRequestTest {

    @Test
    void aRequestKnowsItsDurationAndWhetherItWasAnswered() {
        HrisRequest answered = new HrisRequest("GET", "employees/employees", 200, 1_000, 3_500_000);
        HrisRequest lost = new HrisRequest("POST", "employees/employees", HrisRequest.NO_ANSWER, 10, 20);

        assertThat(answered.duration()).isEqualTo(Duration.ofNanos(3_499_000));
        assertThat(answered.answered()).isTrue();
        assertThat(lost.answered()).as("status 0 means no answer came").isFalse();
    }

    @Test
    void aRequestThatEndsBeforeItStartsOrHasNoLabelIsRefused() {
        assertThatThrownBy(() -> new HrisRequest("GET", "employees/employees", 200, 10, 9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HrisRequest("GET", " ", 200, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HrisRequest("GET", "x", -1, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConnectorThatReportsNothingIsOpenedWithTheListenerIgnored() {
        ConnectionSettings settings = new ConnectionSettings("c", Map.of(), Set.of(), Map.of());
        HrisConnection opened = new HrisConnection() {
            @Override
            public ConnectedAccount verify() {
                return null;
            }

            @Override
            public ReferenceData referenceData() {
                return null;
            }

            @Override
            public EmployeeDraft draftFor(com.hirerelay.api.candidate.Candidate candidate) {
                return null;
            }

            @Override
            public java.util.Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
                return java.util.Optional.empty();
            }

            @Override
            public ExportResult export(EmployeeDraft draft) {
                return null;
            }
        };
        HrisConnector connector = new HrisConnector() {
            @Override
            public ConnectorInfo info() {
                return null;
            }

            @Override
            public HrisConnection open(ConnectionSettings given) {
                return given == settings ? opened : null;
            }
        };

        assertThat(connector.open(settings, RateBudget.inProcess(), HrisRequestListener.NONE))
                .as("the default ignores the budget and the listener and opens as open(settings) does")
                .isSameAs(opened);
    }
}
