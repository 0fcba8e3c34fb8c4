package com.hirerelay.api.hris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConnectionContextTest {

    private static final ConnectionSettings SETTINGS = new ConnectionSettings("c1", Map.of(), Set.of(), Map.of());

    @Test
    void aContextNeedsABudgetAListenerAndAClock() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> new ConnectionContext(null, HrisRequestListener.NONE, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionContext(RateBudget.inProcess(), null, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionContext(RateBudget.inProcess(), HrisRequestListener.NONE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConnectorWrittenForApi12IsOpenedWithTheContextsBudgetAndListener() {
        AtomicReference<RateBudget> budgetSeen = new AtomicReference<>();
        AtomicReference<HrisRequestListener> listenerSeen = new AtomicReference<>();
        HrisConnector connector = new HrisConnector() {
            @Override
            public ConnectorInfo info() {
                return null;
            }

            @Override
            public HrisConnection open(ConnectionSettings settings) {
                throw new AssertionError("the three-argument open is the one a 1.2 connector overrides here");
            }

            @Override
            public HrisConnection open(ConnectionSettings settings, RateBudget budget, HrisRequestListener listener) {
                budgetSeen.set(budget);
                listenerSeen.set(listener);
                return null;
            }
        };
        RateBudget budget = RateBudget.inProcess();
        HrisRequestListener listener = new HrisRequestListener() {};

        connector.open(SETTINGS, new ConnectionContext(budget, listener, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));

        assertThat(budgetSeen.get()).as("the budget handed on by the default").isSameAs(budget);
        assertThat(listenerSeen.get())
                .as("the listener handed on by the default")
                .isSameAs(listener);
    }

    @Test
    void aStandaloneContextHasABudgetOfItsOwnNoListenerAndTheSystemClock() {
        ConnectionContext standalone = ConnectionContext.standalone();
        assertThat(standalone.listener()).isSameAs(HrisRequestListener.NONE);
        assertThat(standalone.clock().getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(standalone.budget())
                .isNotSameAs(ConnectionContext.standalone().budget());
    }
}
