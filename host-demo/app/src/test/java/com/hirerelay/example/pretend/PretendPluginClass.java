package com.hirerelay.example.pretend;

/**
 * Stands in for a plugin's class in a package a plugin owns ({@code com.hirerelay.example..}): the real
 * plugins are not on the host's class path, so {@code ArchitectureRulesTest} needs this to show that the
 * host may not link against one.
 */
public final class PretendPluginClass {}
