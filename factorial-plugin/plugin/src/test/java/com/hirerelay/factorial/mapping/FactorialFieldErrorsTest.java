package com.hirerelay.factorial.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.hirerelay.api.FieldError;
import com.hirerelay.factorial.client.FactorialErrorBody;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactorialFieldErrorsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> KEYS = Set.of("first_name", "email", "legal_entity_id", "address_line1", "gender");

    private static FactorialFieldErrors.Recognised recognise(String body) {
        return FactorialFieldErrors.recognise(FactorialErrorBody.parse(MAPPER, body), KEYS);
    }

    @Test
    void attachesAMessageThatStartsWithAFieldsName() {
        FactorialFieldErrors.Recognised recognised =
                recognise("{\"errors\":{\"errors\":[\"Email has already been taken\",\"Legal entity not found\"]}}");

        assertThat(recognised.fieldErrors())
                .containsExactly(
                        new FieldError("email", "Email has already been taken"),
                        new FieldError("legal_entity_id", "Legal entity not found"));
        assertThat(recognised.general()).isEmpty();
    }

    @Test
    void attachesAMessageKeyedByAttribute() {
        assertThat(recognise("{\"errors\":{\"address_line_1\":[\"is too long\"]}}")
                        .fieldErrors())
                .as("the response spelling address_line_1 maps to the request's address_line1")
                .containsExactly(new FieldError("address_line1", "Address line 1 is too long"));
    }

    @Test
    void keepsWhatNamesNoFieldAsAGeneralMessage() {
        FactorialFieldErrors.Recognised recognised = recognise("{\"message\":\"Company is locked\"}");

        assertThat(recognised.fieldErrors()).isEmpty();
        assertThat(recognised.general()).containsExactly("Company is locked");
    }

    @Test
    void doesNotMatchAFieldNameInsideAnotherWord() {
        assertThat(recognise("{\"errors\":[\"Emailing is disabled\"]}").fieldErrors())
                .isEmpty();
    }

    @Test
    void usesOnlyFieldsTheDraftHas() {
        assertThat(recognise("{\"errors\":[\"Manager not found\"]}").general())
                .as("this draft has no manager field")
                .containsExactly("Manager not found");
    }
}
