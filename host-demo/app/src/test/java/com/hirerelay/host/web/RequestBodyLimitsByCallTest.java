package com.hirerelay.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.limits.RequestLimits;
import org.junit.jupiter.api.Test;

class RequestBodyLimitsByCallTest {

    @Test
    void eachCallGetsItsOwnBodyLimit() {
        assertThat(RequestBodyLimitFilter.limitFor("POST", "plugins"))
                .as("a plugin upload")
                .isEqualTo(RequestLimits.MAX_PLUGIN_JAR_BYTES);
        assertThat(RequestBodyLimitFilter.limitFor("POST", "/integrations/factorial"))
                .as("a connect form, with the leading slash")
                .isEqualTo(RequestLimits.MAX_CONNECT_BODY_BYTES);
        assertThat(RequestBodyLimitFilter.limitFor("POST", "integrations/factorial/"))
                .as("a connect form, with a trailing slash")
                .isEqualTo(RequestLimits.MAX_CONNECT_BODY_BYTES);
        assertThat(RequestBodyLimitFilter.limitFor("POST", "candidates/7/documents"))
                .as("a document upload")
                .isEqualTo(RequestLimits.MAX_DOCUMENT_UPLOAD_BYTES);
        assertThat(RequestBodyLimitFilter.limitFor("POST", "candidates/7/exports/factorial"))
                .as("an export is a JSON call")
                .isEqualTo(RequestLimits.MAX_JSON_BODY_BYTES);
        assertThat(RequestBodyLimitFilter.limitFor("POST", "integrations/factorial/test"))
                .as("a deeper integrations path is not the connect form")
                .isEqualTo(RequestLimits.MAX_JSON_BODY_BYTES);
        assertThat(RequestBodyLimitFilter.limitFor("PUT", "candidates/7/documents"))
                .as("only a POST uploads")
                .isEqualTo(RequestLimits.MAX_JSON_BODY_BYTES);
    }
}
