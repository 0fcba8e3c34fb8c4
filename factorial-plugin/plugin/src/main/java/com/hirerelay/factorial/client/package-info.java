/**
 * Factorial's public REST API over Jersey and the plugin's own Jackson: {@link
 * com.hirerelay.factorial.client.FactorialClient} (transport, {@code x-api-key}, retries, POST pacing,
 * error mapping) and {@link com.hirerelay.factorial.client.FactorialApi} (what each resource means).
 * Internal to the plugin: nothing here crosses the SPI.
 */
package com.hirerelay.factorial.client;
