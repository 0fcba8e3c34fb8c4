package com.hirerelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginApiVersionTest {

    @Test
    void constantsMatchTheVersionsTheBuildStampsIntoPluginManifests() {
        assertThat(PluginApiVersion.CURRENT)
                .as("PluginApiVersion.CURRENT must equal the parent POM's plugin-api.version")
                .isEqualTo(System.getProperty("plugin-api.version"));
        assertThat(PluginApiVersion.COMPATIBLE_RANGE)
                .as("PluginApiVersion.COMPATIBLE_RANGE must equal the parent POM's plugin-api.requires")
                .isEqualTo(System.getProperty("plugin-api.requires"));
    }

    @Test
    void currentVersionIsAPlainReleaseSoThatRangesMatchIt() {
        assertThat(PluginApiVersion.CURRENT)
                .as("a -SNAPSHOT never satisfies >=x.y.z")
                .matches("\\d+\\.\\d+\\.\\d+");
    }
}
