package com.hirerelay.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectFormTest {

    @Test
    void listsItsSecretKeys() {
        ConnectForm form = new ConnectForm(
                null,
                List.of(
                        SettingField.of("api_key", "API key", SettingFieldType.SECRET)
                                .asRequired(),
                        SettingField.of("base_url", "Base URL", SettingFieldType.URL)));
        assertThat(form.secretKeys()).containsExactly("api_key");
    }

    @Test
    void aSecretCannotHaveADefault() {
        assertThatThrownBy(() -> SettingField.of("api_key", "API key", SettingFieldType.SECRET)
                        .withDefault("x"))
                .hasMessage("secret setting 'api_key' must not have a default value");
    }

    @Test
    void refusesDuplicateKeysAndMalformedKeys() {
        assertThatThrownBy(() -> new ConnectForm(
                        null,
                        List.of(
                                SettingField.of("api_key", "API key", SettingFieldType.SECRET),
                                SettingField.of("api_key", "Key", SettingFieldType.TEXT))))
                .hasMessage("duplicate setting key 'api_key'");
        assertThatThrownBy(() -> SettingField.of("API Key", "API key", SettingFieldType.SECRET))
                .hasMessageContaining("must be lower-case letters");
    }

    @Test
    void aChoiceNeedsOptions() {
        assertThatThrownBy(() -> SettingField.of("environment", "Environment", SettingFieldType.CHOICE))
                .hasMessage("choice setting 'environment' needs options (use SettingField.choice)");
        assertThat(SettingField.choice(
                                "environment",
                                "Environment",
                                List.of(new com.hirerelay.api.SelectOption("production", "Production")))
                        .withDefault("production")
                        .defaultValue())
                .isEqualTo("production");
    }
}
