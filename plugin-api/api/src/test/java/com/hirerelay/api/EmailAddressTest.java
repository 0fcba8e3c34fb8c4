package com.hirerelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"marta@example.com", "o'brien@example.co.uk", "first.last+tag@sub.example.org", "josé@exämple.es"
            })
    void acceptsDeliverableAddresses(String address) {
        assertThat(EmailAddress.isWellFormed(address)).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "marta",
                "marta@",
                "@example.com",
                "marta@example",
                "marta @example.com",
                "marta@@example.com",
                "marta@example..com",
                "marta@.example.com",
                "a@b.c"
            })
    void refusesMalformedAddresses(String address) {
        assertThat(EmailAddress.isWellFormed(address)).as("'" + address + "'").isFalse();
    }

    @org.junit.jupiter.api.Test
    void refusesNullAndOverlongAddresses() {
        assertThat(EmailAddress.isWellFormed(null)).isFalse();
        assertThat(EmailAddress.isWellFormed("a".repeat(250) + "@example.com")).isFalse();
    }
}
