package com.hirerelay.host.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The host's command line: what a user sees for good and bad flags, without starting a host. */
class HostMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return HostMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void aPortThatIsNotANumberIsRefusedInOneLineWithExitCode2() {
        int exitCode = run("--port", "abc");

        assertThat(exitCode).as("exit code for --port abc").isEqualTo(2);
        assertThat(err.toString())
                .as("what standard error says")
                .isEqualTo("Invalid value for option '--port': 'abc' is not a port number (0 to 65535)"
                        + " (--help lists the flags)" + System.lineSeparator());
        assertThat(out.toString()).as("standard output").isEmpty();
    }

    @Test
    void aPortOutOfRangeIsRefusedWithExitCode2() {
        assertThat(run("--port", "70000")).as("exit code for --port 70000").isEqualTo(2);
        assertThat(run("--sandbox-port", "-1"))
                .as("exit code for --sandbox-port -1")
                .isEqualTo(2);
        assertThat(err.toString().lines())
                .as("one line per refusal")
                .containsExactly(
                        "Invalid value for option '--port': '70000' is not a port number (0 to 65535)"
                                + " (--help lists the flags)",
                        "Invalid value for option '--sandbox-port': -1 is not a port (0 to 65535)"
                                + " (--help lists the flags)");
    }

    @Test
    void anInstanceLeaseBelowTwoSecondsOrNotANumberIsRefusedWithExitCode2() {
        assertThat(run("--instance-lease", "1"))
                .as("exit code for --instance-lease 1")
                .isEqualTo(2);
        assertThat(run("--instance-lease", "2m"))
                .as("exit code for --instance-lease 2m")
                .isEqualTo(2);
        assertThat(err.toString().lines())
                .as("one line per refusal")
                .containsExactly(
                        "Invalid value for option '--instance-lease': '1' is not a number of seconds, at least 2"
                                + " (--help lists the flags)",
                        "Invalid value for option '--instance-lease': '2m' is not a number of seconds, at least 2"
                                + " (--help lists the flags)");
    }

    @Test
    void anUnknownFlagIsRefusedInOneLineWithExitCode2() {
        int exitCode = run("--colour", "blue");

        assertThat(exitCode).as("exit code for an unknown flag").isEqualTo(2);
        assertThat(err.toString().lines())
                .as("what standard error says")
                .containsExactly("Unknown options: '--colour', 'blue' (--help lists the flags)");
    }

    @Test
    void aFlagWithoutItsValueIsRefusedWithExitCode2() {
        assertThat(run("--data-dir"))
                .as("exit code for --data-dir without a folder")
                .isEqualTo(2);
        assertThat(err.toString().lines())
                .as("what standard error says")
                .singleElement()
                .asString()
                .contains("--data-dir");
    }

    @Test
    void helpListsEveryFlagAndExits0() {
        int exitCode = run("--help");

        assertThat(exitCode).as("exit code for --help").isZero();
        assertThat(out.toString())
                .as("the generated help")
                .contains(
                        "--port=N",
                        "--bind=ADDR",
                        "--data-dir=DIR",
                        "--plugins-dir=DIR",
                        "--instance-lease=SECONDS",
                        "--plugin-default=CONNECTOR.KEY=VALUE",
                        "--plugin-defaults=FILE",
                        "--factorial-base-url=URL",
                        "--no-sandbox",
                        "--sandbox-port=N",
                        "--check",
                        "--help",
                        "default: 8080",
                        "default: 8089");
        assertThat(err.toString()).as("standard error").isEmpty();
    }

    @Test
    void aMalformedPluginDefaultIsRefusedBeforeAnythingStarts(@TempDir Path data) {
        int exitCode = run(
                "--port", "0", "--data-dir", data.toString(), "--no-sandbox", "--plugin-default", "base_url=http://x");

        assertThat(exitCode).as("exit code for a default without a connector").isEqualTo(2);
        assertThat(err.toString().lines())
                .as("what standard error says")
                .containsExactly("Invalid value for option '--plugin-default': 'base_url' is not CONNECTOR.KEY (a"
                        + " connector id, a dot and a connect-form field, such as factorial.base_url)"
                        + " (--help lists the flags)");
        assertThat(data).as("the data folder, untouched").isEmptyDirectory();
    }

    @Test
    void aMissingDefaultsFileIsRefusedWithExitCode2(@TempDir Path folder) {
        Path missing = folder.resolve("defaults.properties");

        assertThat(run(
                        "--port",
                        "0",
                        "--data-dir",
                        folder.resolve("data").toString(),
                        "--no-sandbox",
                        "--plugin-defaults",
                        missing.toString()))
                .as("exit code for a defaults file that is not there")
                .isEqualTo(2);
        assertThat(err.toString())
                .as("what standard error says")
                .startsWith("Invalid value for option '--plugin-defaults': there is no file " + missing);
    }

    @Test
    void aDataFolderOfAnotherReleaseIsRefusedInOneLineWithExitCode1(@TempDir Path folder) throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        Path database = data.resolve("hirerelay.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                    + " applied_at TEXT NOT NULL)");
            statement.execute("INSERT INTO schema_version VALUES (1, 'another_schema', '2026-01-01 00:00:00')");
        }

        int exitCode = run(
                "--port",
                "0",
                "--data-dir",
                data.toString(),
                "--no-sandbox",
                "--plugins-dir",
                Files.createDirectories(folder.resolve("plugins")).toString());

        assertThat(exitCode)
                .as("exit code for a database this release does not know")
                .isEqualTo(1);
        assertThat(err.toString().lines())
                .as("what standard error says: one line, no stack trace")
                .singleElement()
                .asString()
                .startsWith("HireRelay could not start: The database " + database.toAbsolutePath()
                        + " records schema version 1 (another_schema)");
    }

    @Test
    void pluginDefaultFlagsWinOverTheDefaultsFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("defaults.properties");
        Files.writeString(
                file,
                "# one connector's defaults\nfolder-export.folder=/srv/hr-import\nfactorial.base_url=https://file.example\n",
                StandardCharsets.UTF_8);
        HostMain main = new HostMain();
        new CommandLine(main)
                .parseArgs(
                        "--plugin-defaults",
                        file.toString(),
                        "--plugin-default",
                        "factorial.base_url=https://flag.example/?a=b",
                        "--plugin-default",
                        "factorial.environment=custom");

        assertThat(main.explicitPluginDefaults())
                .as("the defaults the host core receives besides the demo's")
                .isEqualTo(Map.of(
                        "folder-export.folder", "/srv/hr-import",
                        "factorial.base_url", "https://flag.example/?a=b",
                        "factorial.environment", "custom"));
    }

    @Test
    void theJarsMainExitsWith2AndNoStackTraceOnABadPort(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("main.log");
        Process main = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HostMain.class.getName(),
                        "--port",
                        "abc")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(main.waitFor(60, TimeUnit.SECONDS)).as("the process ended").isTrue();

        assertThat(main.exitValue()).as("the process's exit code").isEqualTo(2);
        assertThat(Files.readString(log).lines())
                .as("everything the process printed")
                .containsExactly("Invalid value for option '--port': 'abc' is not a port number (0 to 65535)"
                        + " (--help lists the flags)");
    }
}
