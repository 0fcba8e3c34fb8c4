/**
 * Test-only classes that break the plugin API's architecture rules on purpose, so that
 * {@code ArchitectureRulesTest} can show each rule fails when broken. The rules are checked against the API's
 * main classes only.
 */
package com.hirerelay.api.architecture.violations;
