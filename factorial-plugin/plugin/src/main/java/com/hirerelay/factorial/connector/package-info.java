/**
 * Factorial as an {@link com.hirerelay.api.hris.HrisConnector}: one {@link
 * com.hirerelay.factorial.connector.FactorialConnection} per connected account.
 */
package com.hirerelay.factorial.connector;
