package com.hirerelay.factorial.client;

/**
 * The company an API key opens, as {@code api_public/credentials} describes it.
 *
 * @param companyId Factorial's company id, needed to create employees; not null
 * @param name the company's name (its legal name when no name is set); not null
 */
public record FactorialCompany(String companyId, String name) {}
