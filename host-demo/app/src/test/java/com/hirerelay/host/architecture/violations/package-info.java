/**
 * Test-only classes that break the host's architecture rules on purpose, one rule each, so that
 * {@code ArchitectureRulesTest} can show every rule fails when broken. Nothing runs them, and the rules are
 * checked against the host's main classes only.
 */
package com.hirerelay.host.architecture.violations;
