/**
 * The kit's own machinery (log capture, secret search, the clock it hands connections). Not API: plugins must not use this package.
 */
package com.hirerelay.api.testkit.internal;
