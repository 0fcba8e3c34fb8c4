package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.net.URI;

/**
 * Who a connector is, as shown on its integration card and in menus.
 *
 * @param id stable id, unique among installed connectors: lower-case letters, digits and dashes,
 *           starting with a letter, 2 to 40 long (for example {@code factorial}); hosts store it, so it
 *           never changes between plugin versions
 * @param displayName the HR system's name as users know it, for example "FactorialHr"; not blank
 * @param description one sentence on what the integration does; not blank
 * @param guideUrl where admins read how to connect, or null
 * @param logo an image for the card, as an {@code https:} or {@code data:} URI, or null
 */
public record ConnectorInfo(String id, String displayName, String description, URI guideUrl, URI logo) {

    /**
     * @throws IllegalArgumentException if the id is malformed or a text is blank, or a URI has another
     *                                  scheme than https, http or data
     */
    public ConnectorInfo {
        Require.identifier(id, "connector id");
        Require.notBlank(displayName, "display name");
        Require.notBlank(description, "description");
        requireWebOrData(guideUrl, "guide URL");
        requireWebOrData(logo, "logo");
    }

    private static void requireWebOrData(URI uri, String what) {
        if (uri == null) {
            return;
        }
        String scheme = uri.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) && !"data".equals(scheme)) {
            throw new IllegalArgumentException(what + " must be an http(s) or data URI, was " + uri);
        }
    }
}
