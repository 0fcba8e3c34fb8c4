package com.hirerelay.host.plugins;

import com.hirerelay.api.PluginApiVersion;
import java.nio.file.Path;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;

/**
 * pf4j configured for this host: jar plugins only, the API's version as the system version (so
 * {@code Plugin-Requires} is enforced), a broken dependency graph skips the plugin instead of failing
 * the whole load, and the API and slf4j always come from the host even if a plugin bundles a copy.
 */
final class HostPluginManager extends JarPluginManager {

    HostPluginManager(Path pluginsDir) {
        super(pluginsDir);
        setSystemVersion(PluginApiVersion.CURRENT);
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new HostFirstJarPluginLoader(this);
    }

    /** Loads a plugin jar with a class loader that asks the host first for shared packages. */
    private static final class HostFirstJarPluginLoader extends JarPluginLoader {

        HostFirstJarPluginLoader(PluginManager pluginManager) {
            super(pluginManager);
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor pluginDescriptor) {
            return new HostFirstPluginClassLoader(
                    pluginManager, pluginDescriptor, getClass().getClassLoader());
        }
    }

    /** Plugin-first class loading, except for the packages whose types host and plugin must share. */
    private static final class HostFirstPluginClassLoader extends PluginClassLoader {

        HostFirstPluginClassLoader(PluginManager pluginManager, PluginDescriptor descriptor, ClassLoader parent) {
            super(pluginManager, descriptor, parent);
        }

        @Override
        protected boolean shouldDelegateToParent(String className) {
            return super.shouldDelegateToParent(className)
                    || className.startsWith("com.hirerelay.api.")
                    || className.startsWith("org.slf4j.");
        }

        /**
         * A plugin sees only its own service registrations. Otherwise the host's (for example the host's
         * Jersey injection manager) would be offered to the plugin's private copy of the same library,
         * whose interface comes from another class loader: a ClassCastException at the first call.
         */
        @Override
        public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
            if (name.startsWith("META-INF/services/")) {
                return findResources(name);
            }
            return super.getResources(name);
        }

        @Override
        public java.net.URL getResource(String name) {
            if (name.startsWith("META-INF/services/")) {
                return findResource(name);
            }
            return super.getResource(name);
        }
    }
}
