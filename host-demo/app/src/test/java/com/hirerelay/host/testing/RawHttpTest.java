package com.hirerelay.host.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The raw client the bad-input tests use must pair each request with its own answer. */
class RawHttpTest {

    @Test
    void anInterimContinueIsSkippedSoTheNextRequestOnTheConnectionGetsItsOwnAnswer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                RawHttp raw = new RawHttp(URI.create("http://127.0.0.1:" + server.getLocalPort()))) {
            // as the host does for a refused method whose request said "Expect: 100-continue":
            // "100 Continue", then the 405; then a HEAD's answer on the same connection
            CompletableFuture<Void> answering = CompletableFuture.runAsync(() -> {
                try (Socket connection = server.accept()) {
                    InputStream in = connection.getInputStream();
                    OutputStream out = connection.getOutputStream();
                    readHead(in);
                    in.readNBytes(2);
                    String refusal =
                            "{\"code\":\"method_not_allowed\",\"message\":\"This method is not allowed here.\"}";
                    out.write(("HTTP/1.1 100 Continue\r\n\r\n"
                                    + "HTTP/1.1 405 Method Not Allowed\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: " + refusal.length() + "\r\n\r\n" + refusal)
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    readHead(in);
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    readHead(in);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            RawHttp.Answer refused = raw.send(RawHttp.request(
                    "FOO", "/api/candidates", Map.of("Expect", "100-continue"), "{}".getBytes(StandardCharsets.UTF_8)));
            RawHttp.Answer head = raw.send(RawHttp.request("HEAD", "/api/candidates", Map.of(), null));

            assertThat(refused.status()).isEqualTo(405);
            assertThat(refused.text()).contains("method_not_allowed");
            assertThat(head.status()).isEqualTo(200);
            raw.close();
            answering.join();
        }
    }

    private static void readHead(InputStream in) throws java.io.IOException {
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            last4 = (last4 << 8) | b;
        }
    }
}
