package com.hirerelay.host.testing;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Extension contexts for tests that call an extension's callbacks themselves. A proxy rather than a Mockito mock:
 * the test extensions read at most the test class, and the first mock of a JVM costs seconds.
 */
final class ExtensionContexts {

    private ExtensionContexts() {}

    /** @return a context that names {@code testClass} and refuses every other question */
    static ExtensionContext of(Class<?> testClass) {
        return (ExtensionContext) Proxy.newProxyInstance(
                ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getRequiredTestClass")) {
                        return testClass;
                    }
                    throw new UnsupportedOperationException("Not in this test context: " + method.getName());
                });
    }
}
