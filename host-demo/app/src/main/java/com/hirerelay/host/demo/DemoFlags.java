package com.hirerelay.host.demo;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The demo's command-line flags, mixed into the host's command: whether to start the embedded Factorial
 * sandbox, on which port, or which Factorial to point the connect form at instead. They only decide
 * connect-form defaults, which reach the host core like any other {@code --plugin-default}.
 */
public final class DemoFlags {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(
            names = "--factorial-base-url",
            paramLabel = "URL",
            description = "Point the Factorial connect form at this Factorial API (for example"
                    + " https://api.factorialhr.com) instead of the embedded sandbox; implies --no-sandbox. The same as"
                    + " the two defaults factorial.environment=custom and factorial.base_url=URL.")
    private String factorialBaseUrl;

    @Option(
            names = "--no-sandbox",
            description = "Do not start the embedded Factorial sandbox; the connect form then defaults to Factorial"
                    + " production.")
    private boolean noSandbox;

    private int sandboxPort = 8089;

    @Option(
            names = "--sandbox-port",
            paramLabel = "N",
            defaultValue = "8089",
            description = "The embedded sandbox's port (default: ${DEFAULT-VALUE}); a stable port keeps an integration"
                    + " connected in one run working in the next. A free port is used when it is taken.")
    private void sandboxPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(
                    command.commandLine(),
                    "Invalid value for option '--sandbox-port': " + port + " is not a port (0 to 65535)");
        }
        sandboxPort = port;
    }

    /**
     * Starts what the flags ask for: the embedded sandbox unless {@code --no-sandbox} or
     * {@code --factorial-base-url}.
     *
     * @return the started demo, to close when the host stops
     */
    public DemoEnvironment start() {
        if (factorialBaseUrl != null) {
            return new DemoEnvironment(null, DemoConnector.settingDefaultsPointingAt(factorialBaseUrl));
        } else if (noSandbox) {
            return new DemoEnvironment(null, Map.of());
        }
        DemoSandboxLauncher sandbox = DemoSandboxLauncher.start(sandboxPort);
        return new DemoEnvironment(sandbox, sandbox.settingDefaults());
    }
}
