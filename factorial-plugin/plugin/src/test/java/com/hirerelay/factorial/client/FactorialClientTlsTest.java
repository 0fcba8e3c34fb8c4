package com.hirerelay.factorial.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.hris.RateBudget;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP client over TLS, as it talks to the real Factorial: against a local HTTPS server whose certificate is
 * made for the test by the JDK's keytool. The client trusts what the JVM trusts and checks the host name; it never
 * sends a request to a server it cannot verify.
 */
class FactorialClientTlsTest {

    private static final String PASSWORD = "changeit";
    private static final String ANSWER = "{\"data\":[{\"id\":7}],\"meta\":{\"has_next_page\":false}}";

    @TempDir
    static Path keys;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpsServer server;
    private FactorialClient client;
    private String previousTrustStore;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keytool(
                "-genkeypair",
                "-alias",
                "local",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keys.resolve("local.p12").toString(),
                "-storepass",
                PASSWORD);
        keytool(
                "-genkeypair",
                "-alias",
                "elsewhere",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=elsewhere.example",
                "-ext",
                "SAN=dns:elsewhere.example",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keys.resolve("elsewhere.p12").toString(),
                "-storepass",
                PASSWORD);
        for (String name : List.of("local", "elsewhere")) {
            keytool(
                    "-exportcert",
                    "-alias",
                    name,
                    "-keystore",
                    keys.resolve(name + ".p12").toString(),
                    "-storepass",
                    PASSWORD,
                    "-file",
                    keys.resolve(name + ".cer").toString());
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    name,
                    "-file",
                    keys.resolve(name + ".cer").toString(),
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keys.resolve("trusted.p12").toString(),
                    "-storepass",
                    PASSWORD);
        }
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop(0);
        }
        restoreTrustStore();
    }

    @Test
    void readsAnswersOverTlsFromAServerTheJvmTrusts() throws Exception {
        startServer("local.p12");
        trust("trusted.p12");
        client = clientFor("https://localhost:" + server.getAddress().getPort());

        JsonNode answer = client.get("employees/employees", FactorialQuery.none());

        assertThat(answer.get("data").get(0).get("id").asInt())
                .as("the answer, read over TLS")
                .isEqualTo(7);
        assertThat(received).as("the key reached the server inside TLS").containsExactly("GET tls-key");
    }

    @Test
    void refusesAServerWhoseCertificateTheJvmDoesNotTrust() throws Exception {
        startServer("local.p12");
        client = clientFor("https://localhost:" + server.getAddress().getPort());

        assertThatThrownBy(() -> client.get("employees/employees", FactorialQuery.none()))
                .isInstanceOf(HrisException.class)
                .hasStackTraceContaining("PKIX path building failed");
        assertThat(received).as("no request reached an unverified server").isEmpty();
    }

    @Test
    void refusesATrustedCertificateMadeForAnotherHost() throws Exception {
        startServer("elsewhere.p12");
        trust("trusted.p12");
        client = clientFor("https://localhost:" + server.getAddress().getPort());

        assertThatThrownBy(() -> client.get("employees/employees", FactorialQuery.none()))
                .isInstanceOf(HrisException.class)
                .hasStackTraceContaining("No subject alternative DNS name matching localhost");
        assertThat(received).as("no request reached a server named otherwise").isEmpty();
    }

    private FactorialClient clientFor(String base) {
        FactorialClientConfig config =
                FactorialClientConfig.defaults(URI.create(base), "2026-07-01").withRetries(1, 0, Duration.ofMillis(10));
        return new FactorialClient(config, ApiKey.of("tls-key"), RateBudget.inProcess(), "tls-test");
    }

    private void startServer(String keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.resolve(keyStore))) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("x-api-key"));
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The JVM's trust store for this test only: the client trusts what the JVM trusts, as in production. */
    private void trust(String trustStore) {
        previousTrustStore = System.getProperty("javax.net.ssl.trustStore");
        System.setProperty("javax.net.ssl.trustStore", keys.resolve(trustStore).toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private void restoreTrustStore() {
        if (previousTrustStore != null) {
            System.setProperty("javax.net.ssl.trustStore", previousTrustStore);
        } else {
            System.clearProperty("javax.net.ssl.trustStore");
        }
        System.clearProperty("javax.net.ssl.trustStorePassword");
        System.clearProperty("javax.net.ssl.trustStoreType");
        previousTrustStore = null;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
