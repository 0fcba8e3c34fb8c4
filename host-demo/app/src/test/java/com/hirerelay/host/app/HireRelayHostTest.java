package com.hirerelay.host.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.plugins.PluginHost;
import com.hirerelay.host.testing.BuiltPlugins;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HireRelayHostTest {

    @Test
    void namesEachConnectFormDefaultThatCannotTakeEffectWithoutItsValue() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("factorial.base_url", "http://127.0.0.1:1/");
        defaults.put("factorial.baseurl", "http://typo.example/");
        defaults.put("factorial.api_key", "never-prefilled-secret");
        defaults.put("payroll.token", "for-a-plugin-not-installed");

        try (PluginHost plugins = PluginHost.start(BuiltPlugins.FOLDER)) {
            assertThat(HireRelayHost.unusedDefaults(plugins, defaults))
                    .as("what the host warns about at start")
                    .containsExactly(
                            "Connect-form default factorial.baseurl is ignored: the connect form of 'factorial' has no"
                                    + " field 'baseurl'",
                            "Connect-form default factorial.api_key is ignored: 'api_key' is a secret field, which is"
                                    + " never prefilled",
                            "Connect-form default payroll.token is unused for now: no installed plugin offers"
                                    + " connector 'payroll'")
                    .noneMatch(warning -> warning.contains("never-prefilled-secret"));
        }
    }
}
