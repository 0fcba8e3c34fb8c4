package com.hirerelay.host.architecture.violations;

import com.hirerelay.host.demo.DemoConnector;
import java.util.Map;

/** A core class that knows the demo's HR system. */
final class CoreUsingDemo {

    Map<String, String> connectForm() {
        return DemoConnector.connectFormValues("key");
    }
}
