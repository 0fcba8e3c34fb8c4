package com.hirerelay.factorial.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class FactorialErrorBodyTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void readsAMessage() {
        assertThat(FactorialErrorBody.parse(MAPPER, "{\"message\":\"Too many requests\"}")
                        .messages())
                .containsExactly("Too many requests");
    }

    @Test
    void readsErrorsAsAList() {
        assertThat(FactorialErrorBody.parse(MAPPER, "{\"errors\":[\"Legal entity not found\"]}")
                        .messages())
                .containsExactly("Legal entity not found");
    }

    @Test
    void readsNestedErrorsErrors() {
        assertThat(FactorialErrorBody.parse(
                                MAPPER,
                                "{\"errors\":{\"errors\":[\"Email has already been taken\",\"Gender is invalid\"]}}")
                        .messages())
                .containsExactly("Email has already been taken", "Gender is invalid");
    }

    @Test
    void readsErrorsKeyedByAttribute() {
        FactorialErrorBody body =
                FactorialErrorBody.parse(MAPPER, "{\"errors\":{\"email\":[\"has already been taken\"]}}");

        assertThat(body.fieldMessages())
                .as("the attribute name is kept for field mapping")
                .containsEntry("email", java.util.List.of("has already been taken"));
        assertThat(body.messages()).containsExactly("Email has already been taken");
    }

    @Test
    void fallsBackToTheRawTextOfAnHtmlPage() {
        FactorialErrorBody body =
                FactorialErrorBody.parse(MAPPER, "<html><body><h1>502 Bad Gateway</h1></body></html>");

        assertThat(body.messages()).as("tags stripped, text kept").containsExactly("502 Bad Gateway");
    }

    @Test
    void saysNothingForAnEmptyBody() {
        assertThat(FactorialErrorBody.parse(MAPPER, "").messages()).isEmpty();
        assertThat(FactorialErrorBody.parse(MAPPER, null).summary("fallback")).isEqualTo("fallback");
        assertThat(FactorialErrorBody.parse(MAPPER, "{}").messages())
                .as("an empty object says nothing")
                .isEmpty();
    }

    @Test
    void shortensLongRawText() {
        String raw = "x".repeat(5000);

        assertThat(FactorialErrorBody.parse(MAPPER, raw).messages())
                .singleElement()
                .satisfies(message -> assertThat(message.length())
                        .as("a raw body is cut for messages")
                        .isLessThan(400));
    }

    @Property(tries = 300)
    void neverThrowsOnArbitraryText(@ForAll @StringLength(max = 200) String raw) {
        FactorialErrorBody body = FactorialErrorBody.parse(MAPPER, raw);

        assertThat(body.messages())
                .as("messages are never null or blank")
                .allSatisfy(m -> assertThat(m).isNotBlank());
    }

    @Property(tries = 300)
    void neverThrowsOnArbitraryJsonShapes(@ForAll("errorShapes") String raw) {
        FactorialErrorBody body = FactorialErrorBody.parse(MAPPER, raw);

        assertThat(body.summary("none")).isNotBlank();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> errorShapes() {
        net.jqwik.api.Arbitrary<String> text = net.jqwik.api.Arbitraries.strings()
                .ofMaxLength(20)
                .map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\"");
        net.jqwik.api.Arbitrary<String> keys =
                net.jqwik.api.Arbitraries.of("message", "errors", "error", "email", "code", "base", "");
        return net.jqwik.api.Arbitraries.recursive(
                () -> net.jqwik.api.Arbitraries.oneOf(
                        text, net.jqwik.api.Arbitraries.of("null", "1", "true", "[]", "{}")),
                inner -> net.jqwik.api.Arbitraries.oneOf(
                        inner.list().ofMaxSize(3).map(list -> "[" + String.join(",", list) + "]"),
                        net.jqwik.api.Combinators.combine(keys, inner).as((k, v) -> "{\"" + k + "\":" + v + "}")),
                4);
    }
}
