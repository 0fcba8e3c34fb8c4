package com.hirerelay.host.architecture.violations;

import com.hirerelay.sandbox.FactorialSandbox;

/** A core class that starts the Factorial sandbox itself instead of leaving it to the demo. */
final class CoreUsingSandbox {

    FactorialSandbox sandbox;
}
