package com.hirerelay.factorial.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Factorial's answers parsed tolerantly: thousands of generated bodies, shapes and ids, and no
 * unexpected exception; what is read is what was sent.
 */
class ResponseParsingPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 3000)
    void anyErrorBodyTextParsesWithoutThrowing(@ForAll("bodies") String raw) {
        FactorialErrorBody body = FactorialErrorBody.parse(MAPPER, raw);
        assertThat(body.summary("fallback")).as("summary of %s", raw).isNotNull();
    }

    @Property(tries = 3000)
    void anyJsonErrorShapeParsesWithoutThrowing(@ForAll("json") JsonNode json) {
        FactorialErrorBody body = FactorialErrorBody.parse(MAPPER, json.toString());
        assertThat(body.summary("fallback")).isNotBlank();
    }

    @Property(tries = 3000)
    void anEmployeeOfAnyShapeIsReadOrSkippedNeverThrown(@ForAll("json") JsonNode json) {
        assertThat(FactorialApi.employee(json)).isNotNull();
    }

    @Property(tries = 3000)
    void everyIntegerIdRoundTripsExactlyInBothIdModes(@ForAll("ids") BigInteger id) {
        String text = id.toString();
        assertThat(FactorialIds.read(FactorialIds.write(text, true))).isEqualTo(text);
        assertThat(FactorialIds.read(FactorialIds.write(text, false))).isEqualTo(text);
        assertThat(FactorialIds.read(NODES.numberNode(id))).isEqualTo(text);
    }

    @Property(tries = 2000)
    void anIdReadFromAnyJsonValueIsNullOrNonBlank(@ForAll("json") JsonNode json) {
        String id = FactorialIds.read(json);
        assertThat(id == null || !id.isBlank()).isTrue();
    }

    @Property(tries = 2000)
    void anEmployeeWithAnIdKeepsItAndItsEmails(
            @ForAll("ids") BigInteger id, @ForAll("emails") String email, @ForAll boolean idAsString) {
        ObjectNode node = NODES.objectNode();
        node.set("id", idAsString ? NODES.textNode(id.toString()) : NODES.numberNode(id));
        node.put("login_email", email);
        node.put("first_name", "Ana");
        var employee = FactorialApi.employee(node).orElseThrow();
        assertThat(employee.id()).isEqualTo(id.toString());
        assertThat(employee.emailMatching(email.toUpperCase(java.util.Locale.ROOT)))
                .isPresent();
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of(
                        "",
                        " ",
                        "null",
                        "[]",
                        "{}",
                        "{\"errors\":null}",
                        "{\"errors\":{\"errors\":null}}",
                        "{\"message\":123}",
                        "{\"errors\":[1,{\"a\":[]}]}",
                        "<html><body>502 Bad Gateway</body></html>",
                        "{\"errors\":{\"email\":[\"has already been taken\"],\"base\":\"x\"}}",
                        "{\"errors\":\"text\"}",
                        "{\"message\":\"" + "x".repeat(5000) + "\"}",
                        "\u0000\uFFFF",
                        "{\"errors\":{\"errors\":[[]]}}"),
                json().map(JsonNode::toString).map(text -> text.substring(0, text.length() / 2)));
    }

    @Provide
    Arbitrary<BigInteger> ids() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(30)),
                Arbitraries.of(
                        new BigInteger("18446744073709551"),
                        new BigInteger("36893488147419100"),
                        BigInteger.TWO.pow(53).add(BigInteger.ONE),
                        BigInteger.TWO.pow(64)));
    }

    @Provide
    Arbitrary<String> emails() {
        return Combinators.combine(
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12))
                .as((local, domain) -> local + "@" + domain + ".com");
    }

    @Provide
    Arbitrary<JsonNode> json() {
        return tree(3);
    }

    private Arbitrary<JsonNode> tree(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> keys = Arbitraries.of(
                "id",
                "errors",
                "message",
                "email",
                "login_email",
                "personal_email",
                "first_name",
                "last_name",
                "full_name",
                "active",
                "data",
                "company_identifier",
                "x");
        Arbitrary<JsonNode> object = Combinators.combine(
                        keys.list().ofMaxSize(5), tree(depth - 1).list().ofSize(5))
                .as((names, values) -> {
                    ObjectNode node = NODES.objectNode();
                    for (int i = 0; i < names.size(); i++) {
                        node.set(names.get(i), values.get(i));
                    }
                    return (JsonNode) node;
                });
        Arbitrary<JsonNode> array = tree(depth - 1).list().ofMaxSize(4).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return (JsonNode) node;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(3, object), net.jqwik.api.Tuple.of(1, array));
    }
}
