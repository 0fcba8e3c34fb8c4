package com.hirerelay.host.plugins;

import com.hirerelay.api.hris.ConnectorInfo;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.menu.MenuItem;
import com.hirerelay.api.settings.ConnectForm;
import com.hirerelay.api.settings.IntegrationCategory;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.host.metrics.HostMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's plugins: loads every jar in the plugins folder at start, installs, disables, enables and
 * uninstalls plugins at run time, and offers the started plugins' extensions as guarded handles.
 *
 * <p>A broken plugin never stops the host: a jar that fails inspection or loading, an extension that
 * throws while describing itself, or a plugin whose start fails is recorded with its reason (see
 * {@link #plugins()}) and contributes nothing; every other plugin carries on.
 *
 * <p>Thread-safe. Reads ({@link #connectors()}, {@link #menus()}, {@link #settingsPanels()}) see an
 * immutable snapshot; changes are serialised.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    // How a jar refused on reconcile is shown: it exists in the database, not in this instance's folder.
    private static final String SHARED = " (from another instance)";

    private final Path pluginsDir;
    private final HostPluginManager manager;
    private final PluginJarInspector inspector = new PluginJarInspector();
    private final PluginCallLimits limits;
    private final Clock clock;
    private final PluginGuard guard;
    private final HostMetrics metrics;
    private final Map<String, InstalledPlugin> refusedJars = new LinkedHashMap<>();
    private final Map<String, String> startFailures = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    private final List<Consumer<Set<String>>> changeListeners = new CopyOnWriteArrayList<>();
    private volatile Contributions contributions = Contributions.NONE;
    // Set on a database shared by several instances: changes are written there and read back on reconcile().
    private PluginJarStore shared;
    private final Map<Path, String> jarHashes = new ConcurrentHashMap<>();
    // Shared jars this instance could not load, by plugin id: not tried again every heartbeat until replaced.
    private final Map<String, String> refusedShared = new HashMap<>();

    private PluginHost(Path pluginsDir, PluginCallLimits limits, HostMetrics metrics, Clock clock) {
        this.pluginsDir = pluginsDir;
        this.clock = clock;
        this.limits = limits;
        this.metrics = metrics;
        this.guard = new PluginGuard(limits, this::recordRuntimeFailure, metrics);
        this.manager = new HostPluginManager(pluginsDir);
    }

    /**
     * Loads and starts every {@code *.jar} in the folder (created if missing).
     *
     * @param pluginsDir the plugins folder
     * @param limits how long plugin calls may take
     * @param metrics where plugin failures and the plugins' requests to HR systems are counted
     * @return the running host
     */
    public static PluginHost start(Path pluginsDir, PluginCallLimits limits, HostMetrics metrics) {
        return start(pluginsDir, limits, metrics, Clock.systemUTC());
    }

    /**
     * Loads and starts every {@code *.jar} in the folder (created if missing); connections the plugins open read
     * the time from the given clock (plugin API 1.3: the age of their cached reference data).
     *
     * @param pluginsDir the plugins folder
     * @param limits how long plugin calls may take
     * @param metrics where plugin failures and the plugins' requests to HR systems are counted
     * @param clock the host's clock, handed to every connection opened
     * @return the running host
     */
    public static PluginHost start(Path pluginsDir, PluginCallLimits limits, HostMetrics metrics, Clock clock) {
        try {
            Files.createDirectories(pluginsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the plugins folder " + pluginsDir, e);
        }
        PluginHost host = new PluginHost(pluginsDir, limits, metrics, clock);
        host.loadAll();
        return host;
    }

    /** {@link #start(Path, PluginCallLimits, HostMetrics)} with meters of its own. */
    public static PluginHost start(Path pluginsDir, PluginCallLimits limits) {
        return start(pluginsDir, limits, HostMetrics.create());
    }

    /** {@link #start(Path, PluginCallLimits, HostMetrics)} with the default limits and meters of its own. */
    public static PluginHost start(Path pluginsDir) {
        return start(pluginsDir, PluginCallLimits.DEFAULTS);
    }

    /** @return the plugins folder */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /** @return the guard every plugin call goes through */
    public PluginGuard guard() {
        return guard;
    }

    /**
     * Registers a listener told, after each change, which plugin ids stopped or started contributing;
     * holders of plugin objects (open connections) must drop theirs for those ids.
     */
    public void addChangeListener(Consumer<Set<String>> listener) {
        changeListeners.add(listener);
    }

    /** @return the started HRIS connectors, ordered by display name */
    public List<ConnectorHandle> connectors() {
        return contributions.connectors();
    }

    /** @return the started connector with that id */
    public Optional<ConnectorHandle> connector(String connectorId) {
        return connectors().stream()
                .filter(handle -> handle.id().equals(connectorId))
                .findFirst();
    }

    /** @return the started export menu items, ascending by order */
    public List<MenuHandle> menus() {
        return contributions.menus();
    }

    /** @return the started settings panels */
    public List<SettingsPanelHandle> settingsPanels() {
        return contributions.panels();
    }

    /** @return the settings panel of that connector */
    public Optional<SettingsPanelHandle> settingsPanel(String connectorId) {
        return settingsPanels().stream()
                .filter(panel -> panel.connectorId().equals(connectorId))
                .findFirst();
    }

    /** @return every plugin the host knows, started or not, and every refused jar */
    public synchronized List<InstalledPlugin> plugins() {
        List<InstalledPlugin> result = new ArrayList<>();
        for (PluginWrapper wrapper : manager.getPlugins()) {
            result.add(describe(wrapper));
        }
        result.addAll(refusedJars.values());
        result.sort(Comparator.comparing(InstalledPlugin::id));
        return result;
    }

    /**
     * Installs an uploaded jar without a restart: inspects it, copies it into the plugins folder, loads
     * and starts it. An installed plugin with the same id is replaced, whatever its state (started,
     * failed, disabled: a disabled one stays disabled): it is stopped and unloaded first, and its jar is
     * deleted only once the new one has loaded. Jars refused earlier under the same id are deleted too.
     *
     * @param upload the uploaded file
     * @param fileName the name it was uploaded under, for messages
     * @return the installed plugin, started or with the reason it is not
     * @throws PluginRejectedException if inspection or pf4j refuses the jar, or the installed version cannot
     *         be stopped; the plugins folder is then as it was (the old version running, if it was)
     */
    public synchronized InstalledPlugin install(Path upload, String fileName) {
        InstalledPlugin installed = installLocally(upload, fileName);
        if (shared != null) {
            PluginWrapper wrapper = manager.getPlugin(installed.id());
            try {
                shared.put(
                        installed.id(),
                        installed.version(),
                        sha256(wrapper.getPluginPath()),
                        Files.readAllBytes(wrapper.getPluginPath()),
                        wrapper.getPluginState() != PluginState.DISABLED);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the installed plugin jar to share it", e);
            }
            refusedShared.remove(installed.id());
        }
        return installed;
    }

    private InstalledPlugin installLocally(Path upload, String fileName) {
        PluginJarInspection inspection = inspector.inspect(upload);
        if (!inspection.isLoadable()) {
            throw new PluginRejectedException(fileName, inspection.problems());
        }
        String id = inspection.pluginId();
        Set<String> changed = new HashSet<>(Set.of(id));
        PluginWrapper old = manager.getPlugin(id);
        Path oldJar = old == null ? null : old.getPluginPath();
        if (old != null) {
            LOG.info(
                    "Replacing plugin '{}' {} ({}) with the uploaded version {}",
                    id,
                    old.getDescriptor().getVersion(),
                    old.getPluginState(),
                    inspection.version());
            if (!unload(id)) {
                rebuild(changed);
                throw new PluginRejectedException(
                        fileName,
                        List.of("the installed version of plugin '" + id + "' could not be stopped ("
                                + startFailures.getOrDefault(id, "it is still running")
                                + "); restart the host to replace it"));
            }
        }
        // Named by content: another version never overwrites a jar still mapped by an old class loader, and
        // instances sharing one plugins folder write the same jar under the same name.
        String sha = sha256(upload);
        Path target = pluginsDir.resolve(id + "-" + inspection.version() + "-" + sha.substring(0, 12) + ".jar");
        try {
            if (!Files.exists(target) || !sha.equals(sha256(target))) {
                Path partial = Files.createTempFile(pluginsDir, ".upload-", ".part");
                Files.copy(upload, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            restore(id, oldJar);
            throw new UncheckedIOException("Cannot copy the plugin jar into " + pluginsDir, e);
        }
        try {
            manager.loadPlugin(target);
        } catch (RuntimeException | LinkageError e) {
            deleteQuietly(target);
            restore(id, oldJar);
            rebuild(changed);
            throw new PluginRejectedException(fileName, List.of("pf4j could not load it: " + PluginGuard.describe(e)));
        }
        if (oldJar != null && !oldJar.equals(target)) {
            deleteQuietly(oldJar);
        }
        for (InstalledPlugin stale : List.copyOf(refusedJars.values())) {
            if (id.equals(stale.id())) {
                refusedJars.remove(stale.file());
                deleteQuietly(pluginsDir.resolve(stale.file()));
            }
        }
        startFailures.remove(id);
        lastErrors.remove(id);
        startLoaded(id);
        rebuild(changed);
        return describe(manager.getPlugin(id));
    }

    /**
     * Stops (time-limited) and unloads a plugin, whatever its state, keeping its jar.
     *
     * @return false when it would not stop; it is then still loaded and marked failed with the reason
     */
    private boolean unload(String pluginId) {
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        if (wrapper.getPluginState() == PluginState.STARTED
                && !guardedLifecycle(pluginId, "stopping", () -> manager.stopPlugin(pluginId))) {
            return false;
        }
        if (wrapper.getPluginState() == PluginState.STARTED) {
            startFailures.put(pluginId, "it failed while stopping: " + describeFailure(wrapper));
            return false;
        }
        // pf4j's unload stops a started plugin only; a failed or stopped one is unloaded as it is.
        boolean[] unloaded = {false};
        guardedLifecycle(pluginId, "unloading", () -> unloaded[0] = manager.unloadPlugin(pluginId));
        return unloaded[0] && manager.getPlugin(pluginId) == null;
    }

    /** Puts the previous version back after a replacement that could not go through. */
    private void restore(String pluginId, Path oldJar) {
        if (oldJar != null && manager.getPlugin(pluginId) == null && Files.exists(oldJar)) {
            LOG.warn("Reloading the previous version of plugin '{}' from {}", pluginId, oldJar.getFileName());
            loadJar(oldJar).ifPresent(this::startLoaded);
        }
    }

    /** Stops a plugin and keeps it off across restarts. */
    public synchronized InstalledPlugin disable(String pluginId) {
        InstalledPlugin disabled = disableLocally(pluginId);
        if (shared != null) {
            shared.setEnabled(pluginId, false);
        }
        return disabled;
    }

    private InstalledPlugin disableLocally(String pluginId) {
        requireKnown(pluginId);
        guardedLifecycle(pluginId, "disabling", () -> manager.disablePlugin(pluginId));
        rebuild(Set.of(pluginId));
        return describe(manager.getPlugin(pluginId));
    }

    /** Turns a disabled plugin back on and starts it. */
    public synchronized InstalledPlugin enable(String pluginId) {
        InstalledPlugin enabled = enableLocally(pluginId);
        if (shared != null) {
            shared.setEnabled(pluginId, true);
        }
        return enabled;
    }

    private InstalledPlugin enableLocally(String pluginId) {
        requireKnown(pluginId);
        startFailures.remove(pluginId);
        guardedLifecycle(pluginId, "enabling", () -> manager.enablePlugin(pluginId));
        startLoaded(pluginId);
        rebuild(Set.of(pluginId));
        return describe(manager.getPlugin(pluginId));
    }

    /**
     * Stops, unloads and deletes a plugin whatever its state, or forgets a refused jar and deletes it.
     *
     * @throws PluginFailureException when the plugin would not stop; it stays installed, marked failed
     */
    public synchronized void uninstall(String pluginId) {
        uninstallLocally(pluginId);
        if (shared != null) {
            shared.markRemoved(pluginId);
        }
    }

    private void uninstallLocally(String pluginId) {
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        if (wrapper == null) {
            InstalledPlugin refused = refusedJars.values().stream()
                    .filter(plugin -> plugin.id().equals(pluginId))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No plugin '" + pluginId + "' is installed"));
            refusedJars.remove(refused.file());
            deleteQuietly(pluginsDir.resolve(refused.file()));
            return;
        }
        Path jar = wrapper.getPluginPath();
        org.pf4j.Plugin plugin = wrapper.getPlugin();
        if (!unload(pluginId)) {
            rebuild(Set.of(pluginId));
            throw new PluginFailureException(
                    pluginId,
                    "Plugin '" + pluginId + "' could not be stopped (" + startFailures.get(pluginId)
                            + "); restart the host to remove it",
                    null);
        }
        if (plugin != null) {
            ClassLoader loader = wrapper.getPluginClassLoader();
            try {
                guard.callWithin(limits.lifecycle(), pluginId, loader, "cleaning up after removal", () -> {
                    plugin.delete();
                    return null;
                });
            } catch (RuntimeException cleanupFailed) {
                LOG.warn("Plugin '{}' failed to clean up after removal: {}", pluginId, cleanupFailed.getMessage());
            }
        }
        deleteQuietly(jar);
        startFailures.remove(pluginId);
        lastErrors.remove(pluginId);
        rebuild(Set.of(pluginId));
    }

    /**
     * Shares this instance's plugins with the other instances on the store's database: each plugin of the
     * plugins folder that the store has never seen (or whose removal was of another jar) is added to it, then
     * this instance takes the store's plugins ({@link #reconcile()}). From then on every install, enable,
     * disable and removal is written to the store as well.
     *
     * @param store the jars shared by the instances
     */
    public synchronized void share(PluginJarStore store) {
        Map<String, PluginJarStore.Entry> known = new HashMap<>();
        store.entries().forEach(entry -> known.put(entry.pluginId(), entry));
        for (PluginWrapper wrapper : List.copyOf(manager.getPlugins())) {
            String id = wrapper.getPluginId();
            String sha = sha256(wrapper.getPluginPath());
            PluginJarStore.Entry entry = known.get(id);
            String version = wrapper.getDescriptor().getVersion();
            boolean newer = entry != null
                    && !entry.removed()
                    && !entry.sha256().equals(sha)
                    && entry.version() != null
                    && manager.getVersionManager().compareVersions(version, entry.version()) > 0;
            // Never seen, a jar other than the removed one, or a newer version deployed with this instance.
            if (entry == null || (entry.removed() && !entry.sha256().equals(sha)) || newer) {
                try {
                    store.put(
                            id,
                            version,
                            sha,
                            Files.readAllBytes(wrapper.getPluginPath()),
                            wrapper.getPluginState() != PluginState.DISABLED);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the plugin jar " + wrapper.getPluginPath(), e);
                }
                LOG.info("Plugin '{}' of this instance's plugins folder is now shared with the other instances", id);
            }
        }
        this.shared = store;
        reconcile();
    }

    /**
     * Brings this instance's plugins in line with the shared store (after {@link #share(PluginJarStore)};
     * nothing before): loads a plugin that is new or whose jar changed, uninstalls a removed one, and enables or
     * disables each as admins left it. One plugin that fails is logged (and shown on the plugins page) and the
     * others carry on; a shared jar this instance refuses is not tried again until it is replaced.
     */
    public synchronized void reconcile() {
        if (shared == null) {
            return;
        }
        for (PluginJarStore.Entry entry : shared.entries()) {
            try {
                reconcile(entry);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn(
                        "Plugin '{}' could not be brought in line with the other instances: {}",
                        entry.pluginId(),
                        PluginGuard.describe(e));
            }
        }
    }

    private void reconcile(PluginJarStore.Entry entry) {
        String id = entry.pluginId();
        PluginWrapper local = manager.getPlugin(id);
        if (entry.removed()) {
            refusedJars
                    .values()
                    .removeIf(
                            refused -> refused.id().equals(id) && refused.file().endsWith(SHARED));
            if (local != null) {
                LOG.info("Removing plugin '{}': it was removed on another instance", id);
                uninstallLocally(id);
            }
            return;
        }
        if ((local == null || !entry.sha256().equals(sha256(local.getPluginPath())))
                && !entry.sha256().equals(refusedShared.get(id))) {
            Optional<byte[]> jar = shared.jar(id, entry.sha256());
            if (jar.isEmpty()) {
                return; // replaced or removed since the list was read: the next reconcile takes the new state
            }
            LOG.info("Installing plugin '{}' {}: it was installed on another instance", id, entry.version());
            Path copy = null;
            try {
                copy = Files.createTempFile("plugin-shared-", ".jar");
                Files.write(copy, jar.get());
                installLocally(copy, id + " " + entry.version() + " (shared by another instance)");
            } catch (PluginRejectedException refused) {
                refusedShared.put(id, entry.sha256());
                String reason = "installed on another instance, refused here: " + String.join("; ", refused.problems());
                refuse(id, entry.version(), id + "-" + entry.version() + SHARED, reason);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the shared plugin jar", e);
            } finally {
                if (copy != null) {
                    deleteQuietly(copy);
                }
            }
            local = manager.getPlugin(id);
        }
        if (local == null) {
            return;
        }
        boolean disabled = local.getPluginState() == PluginState.DISABLED;
        if (entry.enabled() && disabled) {
            LOG.info("Enabling plugin '{}': it was enabled on another instance", id);
            enableLocally(id);
        } else if (!entry.enabled() && !disabled) {
            LOG.info("Disabling plugin '{}': it was disabled on another instance", id);
            disableLocally(id);
        }
    }

    /** @return the file's SHA-256 in hex, remembered while the file keeps its size and time (heartbeats ask) */
    private String sha256(Path jar) {
        String stamp;
        try {
            stamp = Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the plugin jar " + jar, e);
        }
        String known = jarHashes.get(jar);
        if (known != null && known.startsWith(stamp + " ")) {
            return known.substring(stamp.length() + 1);
        }
        try (var in = Files.newInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            if (jar.startsWith(pluginsDir)) {
                jarHashes.put(jar, stamp + " " + sha);
            }
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the plugin jar " + jar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public synchronized void close() {
        Set<String> ids = new HashSet<>();
        startedPlugins().forEach(wrapper -> ids.add(wrapper.getPluginId()));
        contributions = Contributions.NONE;
        notifyListeners(ids);
        // One by one, newest first: pf4j 3.15's stopPlugins() removes from the list it iterates and fails.
        List<PluginWrapper> started = startedPlugins();
        java.util.Collections.reverse(started);
        for (PluginWrapper wrapper : started) {
            String id = wrapper.getPluginId();
            guardedLifecycle(id, "stopping", () -> manager.stopPlugin(id));
        }
        guard.close();
    }

    private void loadAll() {
        List<Path> jars;
        try (Stream<Path> files = Files.list(pluginsDir)) {
            jars = files.filter(path -> path.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the plugins folder " + pluginsDir, e);
        }
        List<String> loaded = new ArrayList<>();
        for (Path jar : jars) {
            loadJar(jar).ifPresent(loaded::add);
        }
        loaded.forEach(this::startLoaded);
        rebuild(Set.copyOf(loaded));
        for (InstalledPlugin plugin : plugins()) {
            if (plugin.status() == PluginStatus.STARTED) {
                LOG.info(
                        "Plugin '{}' {} started with extensions {}",
                        plugin.id(),
                        plugin.version(),
                        plugin.extensions());
            } else {
                LOG.warn("Plugin '{}' ({}) is {}: {}", plugin.id(), plugin.file(), plugin.status(), plugin.reason());
            }
        }
    }

    private Optional<String> loadJar(Path jar) {
        String file = jar.getFileName().toString();
        PluginJarInspection inspection = inspector.inspect(jar);
        if (!inspection.isLoadable()) {
            refuse(inspection.pluginId(), inspection.version(), file, String.join("; ", inspection.problems()));
            return Optional.empty();
        }
        try {
            return Optional.of(manager.loadPlugin(jar));
        } catch (RuntimeException | LinkageError e) {
            refuse(
                    inspection.pluginId(),
                    inspection.version(),
                    file,
                    "pf4j could not load it: " + PluginGuard.describe(e));
            return Optional.empty();
        }
    }

    private void refuse(String id, String version, String file, String reason) {
        LOG.warn("Refused plugin jar '{}': {}", file, reason);
        String shownId = id != null && manager.getPlugin(id) == null ? id : file;
        refusedJars.put(
                file,
                new InstalledPlugin(shownId, version, null, null, file, PluginStatus.FAILED, reason, List.of(), null));
    }

    private void startLoaded(String pluginId) {
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        if (wrapper == null || wrapper.getPluginState() == PluginState.DISABLED) {
            return;
        }
        if (guardedLifecycle(pluginId, "starting", () -> manager.startPlugin(pluginId))
                && wrapper.getPluginState() == PluginState.FAILED) {
            startFailures.put(pluginId, "it failed to start: " + describeFailure(wrapper));
        }
    }

    /**
     * Runs a pf4j lifecycle step (which calls the plugin's {@code start()} or {@code stop()}) on a worker
     * thread, at most {@link PluginCallLimits#lifecycle()} long: a plugin that blocks there is recorded as
     * failed instead of holding the plugins page and uploads forever.
     *
     * @return whether the step finished in time without throwing
     */
    private boolean guardedLifecycle(String pluginId, String what, Runnable action) {
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        ClassLoader loader = wrapper == null ? PluginHost.class.getClassLoader() : wrapper.getPluginClassLoader();
        try {
            guard.callWithin(limits.lifecycle(), pluginId, loader, what, () -> {
                action.run();
                return null;
            });
            return true;
        } catch (PluginTimeoutException late) {
            startFailures.put(
                    pluginId, "it did not finish " + what + " within " + PluginGuard.describe(limits.lifecycle()));
        } catch (RuntimeException | LinkageError e) {
            Throwable cause = e instanceof PluginFailureException && e.getCause() != null ? e.getCause() : e;
            startFailures.put(pluginId, "it failed while " + what + ": " + PluginGuard.describe(cause));
        }
        LOG.warn("Plugin '{}': {}", pluginId, startFailures.get(pluginId));
        return false;
    }

    private static String describeFailure(PluginWrapper wrapper) {
        Throwable cause = wrapper.getFailedException();
        return cause == null ? "unknown reason" : PluginGuard.describe(cause);
    }

    /**
     * A copy of pf4j's started plugins, taken without iterating its list: a {@code start()} cut off at its
     * time limit is interrupted and may still return on its worker thread, and pf4j then adds the plugin
     * to that list while this thread reads it (such a plugin stays failed: {@code startFailures}).
     */
    private List<PluginWrapper> startedPlugins() {
        // toArray copies in one step and never throws ConcurrentModificationException; a slot an add was
        // still filling reads as null.
        Object[] started = manager.getStartedPlugins().toArray();
        List<PluginWrapper> copy = new ArrayList<>(started.length);
        for (Object wrapper : started) {
            if (wrapper != null) {
                copy.add((PluginWrapper) wrapper);
            }
        }
        return copy;
    }

    /** Reads the started plugins' extensions into a new snapshot; a plugin whose extensions fail is stopped. */
    private void rebuild(Set<String> changed) {
        List<ConnectorHandle> connectors = new ArrayList<>();
        List<MenuHandle> menus = new ArrayList<>();
        List<SettingsPanelHandle> panels = new ArrayList<>();
        Map<String, String> connectorOwners = new LinkedHashMap<>();
        Set<String> stopped = new HashSet<>();
        for (PluginWrapper wrapper : startedPlugins()) {
            String id = wrapper.getPluginId();
            if (startFailures.containsKey(id)) {
                continue; // a start that finished after its time limit: the plugin stays failed
            }
            ClassLoader loader = wrapper.getPluginClassLoader();
            try {
                List<ConnectorHandle> ownConnectors = new ArrayList<>();
                for (HrisConnector connector : extensions(HrisConnector.class, id, loader)) {
                    ConnectorInfo info = guard.call(id, loader, "describing its connector", connector::info);
                    require(info != null, id, "its connector returned no info");
                    String owner = connectorOwners.putIfAbsent(info.id(), id);
                    require(
                            owner == null,
                            id,
                            "connector id '" + info.id() + "' is already provided by plugin '" + owner + "'");
                    ownConnectors.add(new ConnectorHandle(
                            id, info, connector, loader, guard, limits, metrics.hrisRequests(info.id()), clock));
                }
                List<MenuHandle> ownMenus = new ArrayList<>();
                for (ExportMenuContribution menu : extensions(ExportMenuContribution.class, id, loader)) {
                    MenuItem item = guard.call(id, loader, "describing its menu item", menu::menuItem);
                    require(item != null, id, "its menu contribution returned no item");
                    ownMenus.add(new MenuHandle(id, item, menu, loader, guard));
                }
                List<SettingsPanelHandle> ownPanels = new ArrayList<>();
                for (IntegrationSettingsPanel panel : extensions(IntegrationSettingsPanel.class, id, loader)) {
                    String connectorId = guard.call(id, loader, "describing its settings panel", panel::connectorId);
                    IntegrationCategory category =
                            guard.call(id, loader, "describing its settings panel", panel::category);
                    ConnectForm form = guard.call(id, loader, "describing its connect form", panel::connectForm);
                    require(
                            connectorId != null && category != null && form != null,
                            id,
                            "its settings panel returned no connector id, category or form");
                    ownPanels.add(new SettingsPanelHandle(id, connectorId, category, form, panel, loader, guard));
                }
                connectors.addAll(ownConnectors);
                menus.addAll(ownMenus);
                panels.addAll(ownPanels);
            } catch (RuntimeException | LinkageError e) {
                startFailures.put(
                        id,
                        "its extensions failed: "
                                + (e instanceof PluginFailureException ? e.getMessage() : PluginGuard.describe(e)));
                connectorOwners.values().removeIf(id::equals);
                stopped.add(id);
            }
        }
        for (String id : stopped) {
            String reason = startFailures.get(id);
            LOG.warn("Stopping plugin '{}': {}", id, reason);
            if (!guardedLifecycle(id, "stopping", () -> manager.stopPlugin(id))) {
                startFailures.put(id, reason + "; then " + startFailures.get(id));
            }
        }
        Set<String> known = connectorOwners.keySet();
        menus.removeIf(menu -> !known.contains(menu.item().connectorId()));
        panels.removeIf(panel -> !known.contains(panel.connectorId()));
        connectors.sort(Comparator.comparing(handle -> handle.info().displayName()));
        menus.sort(Comparator.comparingInt(menu -> menu.item().order()));
        contributions = new Contributions(List.copyOf(connectors), List.copyOf(menus), List.copyOf(panels));
        Set<String> affected = new HashSet<>(changed);
        affected.addAll(stopped);
        notifyListeners(affected);
        // After the listeners closed their connections: new calls go to a fresh executor per plugin.
        affected.forEach(guard::retire);
    }

    private <T> List<T> extensions(Class<T> type, String pluginId, ClassLoader loader) {
        List<T> found = guard.call(
                pluginId,
                loader,
                "creating its " + type.getSimpleName() + " extensions",
                () -> manager.getExtensions(type, pluginId));
        return found == null ? List.of() : found;
    }

    private static void require(boolean condition, String pluginId, String problem) {
        if (!condition) {
            throw new PluginFailureException(pluginId, problem, null);
        }
    }

    private void notifyListeners(Set<String> pluginIds) {
        if (pluginIds.isEmpty()) {
            return;
        }
        for (Consumer<Set<String>> listener : changeListeners) {
            try {
                listener.accept(Set.copyOf(pluginIds));
            } catch (RuntimeException e) {
                LOG.warn("A plugin change listener failed: {}", PluginGuard.describe(e), e);
            }
        }
    }

    private void recordRuntimeFailure(String pluginId, Throwable cause) {
        lastErrors.put(pluginId, Instant.now() + ": " + PluginGuard.describe(cause));
    }

    private InstalledPlugin describe(PluginWrapper wrapper) {
        String id = wrapper.getPluginId();
        PluginState state = wrapper.getPluginState();
        PluginStatus status;
        String reason = null;
        if (startFailures.containsKey(id)) {
            status = PluginStatus.FAILED;
            reason = startFailures.get(id);
        } else if (state == PluginState.STARTED) {
            status = PluginStatus.STARTED;
        } else if (state == PluginState.DISABLED) {
            status = PluginStatus.DISABLED;
            reason = "disabled by an admin";
        } else if (state == PluginState.FAILED) {
            status = PluginStatus.FAILED;
            Throwable cause = wrapper.getFailedException();
            reason = cause == null ? "failed" : PluginGuard.describe(cause);
        } else {
            status = PluginStatus.STOPPED;
        }
        List<String> extensions = new ArrayList<>();
        Contributions current = contributions;
        current.connectors().stream()
                .filter(c -> c.pluginId().equals(id))
                .forEach(c -> extensions.add("HRIS connector: " + c.id()));
        current.menus().stream()
                .filter(m -> m.pluginId().equals(id))
                .forEach(m -> extensions.add("Export menu: " + m.item().id()));
        current.panels().stream()
                .filter(p -> p.pluginId().equals(id))
                .forEach(p -> extensions.add("Settings panel: " + p.connectorId()));
        return new InstalledPlugin(
                id,
                wrapper.getDescriptor().getVersion(),
                wrapper.getDescriptor().getPluginDescription(),
                wrapper.getDescriptor().getProvider(),
                wrapper.getPluginPath().getFileName().toString(),
                status,
                reason,
                extensions,
                lastErrors.get(id));
    }

    private void requireKnown(String pluginId) {
        if (manager.getPlugin(pluginId) == null) {
            throw new IllegalArgumentException("No plugin '" + pluginId + "' is installed");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    private record Contributions(
            List<ConnectorHandle> connectors, List<MenuHandle> menus, List<SettingsPanelHandle> panels) {
        static final Contributions NONE = new Contributions(List.of(), List.of(), List.of());
    }
}
