package com.hirerelay.factorial.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

class FactorialIdsTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void readsNumbersAndStringsAlike() throws Exception {
        JsonNode node = mapper.readTree("{\"a\":4711,\"b\":\"4711\",\"c\":null,\"d\":\"  \"}");

        assertThat(FactorialIds.read(node.get("a"))).as("a JSON number").isEqualTo("4711");
        assertThat(FactorialIds.read(node.get("b"))).as("a JSON string").isEqualTo("4711");
        assertThat(FactorialIds.read(node.get("c"))).as("null is no id").isNull();
        assertThat(FactorialIds.read(node.get("d")))
                .as("a blank string is no id")
                .isNull();
        assertThat(FactorialIds.read(node.get("missing")))
                .as("an absent field is no id")
                .isNull();
    }

    @Test
    void keepsIdsAboveTwoToTheFiftyThirdExact() throws Exception {
        JsonNode node =
                mapper.readTree("{\"n\":18446744073709551,\"big\":36893488147419103232,\"s\":\"18446744073709551\"}");

        assertThat(FactorialIds.read(node.get("n")))
                .as("a number above 2^53 must not pass through a double")
                .isEqualTo("18446744073709551");
        assertThat(FactorialIds.read(node.get("big"))).as("a number above 2^64").isEqualTo("36893488147419103232");
        assertThat(FactorialIds.read(node.get("s"))).isEqualTo("18446744073709551");
    }

    @Test
    void writesNumbersForOldVersionsAndStringsFromJuly2026() {
        assertThat(FactorialIds.write("18446744073709551", false).toString())
                .as("before 2026-07-01 ids are JSON integers, exact")
                .isEqualTo("18446744073709551");
        assertThat(FactorialIds.write("18446744073709551", true).toString())
                .as("from 2026-07-01 ids are JSON strings")
                .isEqualTo("\"18446744073709551\"");
        assertThat(FactorialIds.write("abc-1", false).isTextual())
                .as("a non-numeric id stays a string even for an old version")
                .isTrue();
    }
}
