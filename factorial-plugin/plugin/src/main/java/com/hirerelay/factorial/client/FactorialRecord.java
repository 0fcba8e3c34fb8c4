package com.hirerelay.factorial.client;

/**
 * A choice read from Factorial for a select input: a legal entity, location, team or manager.
 *
 * @param id the Factorial id; not null
 * @param label what a person reads; not blank
 */
public record FactorialRecord(String id, String label) {}
