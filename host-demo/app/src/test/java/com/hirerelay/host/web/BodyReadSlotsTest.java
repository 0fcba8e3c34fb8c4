package com.hirerelay.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyReadSlotsTest {

    @Test
    void aClientGetsNoMoreSlotsThanItsShareAndGetsThemBackWhenItsBodiesEnd() {
        BodyReadSlots slots = new BodyReadSlots(2, 10);

        assertThat(slots.tryTake("10.0.0.1")).isTrue();
        assertThat(slots.tryTake("10.0.0.1")).isTrue();
        assertThat(slots.tryTake("10.0.0.1"))
                .as("a third body of the same client")
                .isFalse();
        assertThat(slots.tryTake("10.0.0.2"))
                .as("another client is not held back")
                .isTrue();

        slots.giveBack("10.0.0.1");
        assertThat(slots.tryTake("10.0.0.1")).as("a slot given back").isTrue();
        assertThat(slots.taken()).isEqualTo(3);
    }

    @Test
    void allClientsTogetherGetNoMoreThanTheTotalAndARefusalTakesNothing() {
        BodyReadSlots slots = new BodyReadSlots(2, 3);

        assertThat(slots.tryTake("a")).isTrue();
        assertThat(slots.tryTake("b")).isTrue();
        assertThat(slots.tryTake("c")).isTrue();
        assertThat(slots.tryTake("d")).as("past the total").isFalse();
        assertThat(slots.tryTake("a"))
                .as("past the total, though within a's share")
                .isFalse();
        assertThat(slots.taken()).as("refusals leave the count as it was").isEqualTo(3);

        slots.giveBack("b");
        assertThat(slots.tryTake("d")).isTrue();
    }
}
