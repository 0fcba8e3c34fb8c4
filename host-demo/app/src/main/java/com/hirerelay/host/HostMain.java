package com.hirerelay.host;

import com.hirerelay.host.demo.DemoSandboxLauncher;
import com.hirerelay.host.seed.DemoSeed;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar host-demo.jar [options]}: starts the ATS. By default it also starts the embedded
 * Factorial sandbox on loopback and points the Factorial connect form at it, so the demo runs offline.
 */
public final class HostMain {

    private HostMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = parse(args);
        if (flags.containsKey("help")) {
            System.out.println(usage());
            return;
        }
        Path pluginsDir = flags.containsKey("plugins-dir") ? Path.of(flags.get("plugins-dir")) : besideJar();
        if (flags.containsKey("check")) {
            try {
                System.out.println(InstallationCheck.run(pluginsDir));
            } catch (RuntimeException | IOException failed) {
                System.err.println(failed.getMessage());
                System.exit(1);
            }
            return;
        }
        int port = Integer.parseInt(flags.getOrDefault("port", "8080"));
        Path dataDir = Path.of(flags.getOrDefault("data-dir", "data"));
        Files.createDirectories(pluginsDir);
        Map<String, String> defaults = new LinkedHashMap<>();
        DemoSandboxLauncher sandbox = null;
        if (flags.containsKey("factorial-base-url")) {
            defaults.put("factorial.environment", "custom");
            defaults.put("factorial.base_url", flags.get("factorial-base-url"));
        } else if (!flags.containsKey("no-sandbox")) {
            sandbox = DemoSandboxLauncher.start(Integer.parseInt(flags.getOrDefault("sandbox-port", "8089")));
            defaults.putAll(sandbox.settingDefaults());
        }
        HireRelayHost host = HireRelayHost.start(
                new HostOptions(flags.getOrDefault("bind", "127.0.0.1"), port, dataDir, pluginsDir, defaults, Map.of())
                        .withBehindHttpsProxy(flags.containsKey("behind-https-proxy")));
        DemoSandboxLauncher startedSandbox = sandbox;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            host.close();
                            if (startedSandbox != null) {
                                startedSandbox.close();
                            }
                            stopped.countDown();
                        },
                        "shutdown"));
        printWelcome(host, sandbox);
        stopped.await();
    }

    private static void printWelcome(HireRelayHost host, DemoSandboxLauncher sandbox) {
        StringBuilder text = new StringBuilder("\nHireRelay ATS is running at ")
                .append(host.baseUri())
                .append('\n');
        if (!host.seededUsers().isEmpty()) {
            text.append("\nDemo users (passwords shown only now, at first start; keep them):\n");
            for (DemoSeed.SeededUser user : host.seededUsers()) {
                text.append(String.format("  %-16s %-36s %s%n", user.role(), user.email(), user.password()));
            }
        }
        if (sandbox != null) {
            text.append("\nEmbedded Factorial sandbox: ")
                    .append(sandbox.baseUrl())
                    .append('\n')
                    .append("  API key to paste under Settings > Account > Integrations > Factorial: ")
                    .append(sandbox.apiKey())
                    .append('\n');
        }
        text.append("\nStop with Ctrl+C.\n");
        System.out.println(text);
    }

    private static Path besideJar() throws URISyntaxException {
        // host-demo/target/host-demo.jar (or target/classes when run from an IDE) -> host-demo/target/plugins
        Path location = Path.of(HostMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return location.getParent().resolve("plugins");
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'.\n" + usage());
            }
            String name = arg.substring(2);
            if (name.contains("=")) {
                flags.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
            } else if (name.equals("no-sandbox")
                    || name.equals("help")
                    || name.equals("check")
                    || name.equals("behind-https-proxy")) {
                flags.put(name, "true");
            } else if (i + 1 < args.length) {
                flags.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value.\n" + usage());
            }
        }
        return flags;
    }

    private static String usage() {
        return """
                Usage: java -jar host-demo.jar [--port 8080] [--bind 127.0.0.1] [--data-dir data]
                                               [--plugins-dir DIR] [--factorial-base-url URL] [--no-sandbox]
                                               [--sandbox-port 8089] [--behind-https-proxy]
                       java -jar host-demo.jar --check [--plugins-dir DIR]
                         walks the demo once on a temporary data folder and free ports (first page, sign-in,
                         connect Factorial to the embedded sandbox, export one hire); exit code 0 if it all worked
                  --behind-https-proxy  a reverse proxy that terminates HTTPS sits in front: trust its
                                        X-Forwarded-Proto (Secure cookies) and X-Forwarded-For (client address)""";
    }
}
