package com.hirerelay.host.architecture.violations;

import com.hirerelay.host.app.HireRelayHost;

/** A feature class that reaches up into the composition root. */
final class ImportsCompositionRoot {

    HireRelayHost host;
}
