package com.hirerelay.host.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client over a plain socket, for requests no well-behaved client library sends: malformed
 * request lines, illegal characters in the target, odd headers, lying {@code Content-Length}s. Keeps one
 * connection alive across requests and opens a new one when the server closed it.
 *
 * <p>Not thread-safe.
 */
public final class RawHttp implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final String host;
    private final int port;
    private Socket socket;

    public RawHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** An answer. Header names are lower-case. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        /** @return the body as UTF-8 text */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** @return the header's first value, or null */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /**
     * Builds a request: the request line, the headers as given (plus {@code Host}, and
     * {@code Content-Length} when there is a body and none was given), then the body.
     */
    public static byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head =
                new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean hasHost = false;
        boolean hasLength = false;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            hasHost |= header.getKey().equalsIgnoreCase("Host");
            hasLength |= header.getKey().equalsIgnoreCase("Content-Length")
                    || header.getKey().equalsIgnoreCase("Transfer-Encoding");
        }
        if (!hasHost) {
            head.append("Host: 127.0.0.1\r\n");
        }
        if (body != null && !hasLength) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** Sends a request built by {@link #request} (or any bytes) and reads one answer. */
    public Answer send(byte[] request) {
        return send(request, request.length);
    }

    /**
     * Sends the first {@code sendBytes} bytes of a request and reads one answer; a server that answers
     * before the whole request was written (a refused body) is still heard.
     */
    public Answer send(byte[] request, int sendBytes) {
        boolean head = request.length >= 4 && new String(request, 0, 4, StandardCharsets.US_ASCII).equals("HEAD");
        for (int attempt = 0; ; attempt++) {
            try {
                Socket connection = connection();
                try {
                    OutputStream out = connection.getOutputStream();
                    out.write(request, 0, sendBytes);
                    out.flush();
                } catch (IOException refusedMidBody) {
                    // the server may have answered and closed already: read what it said
                }
                Answer answer = read(connection.getInputStream(), head);
                if (answer == null) {
                    throw new IOException("the server closed the connection without answering");
                }
                String close = answer.header("connection");
                if (close != null && close.equalsIgnoreCase("close")) {
                    close();
                }
                return answer;
            } catch (IOException e) {
                close();
                if (attempt >= 1) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * Sends bytes on a new connection and reads every answer the server writes until it closes the connection
     * or stays silent for {@code quiet}: one request must get one answer, and bytes after it that are not an
     * answer (a body on an answer to HEAD) fail the read.
     */
    public List<Answer> answersUntilClosed(byte[] request, java.time.Duration quiet) {
        close();
        boolean head = request.length >= 4 && new String(request, 0, 4, StandardCharsets.US_ASCII).equals("HEAD");
        List<Answer> answers = new ArrayList<>();
        try {
            Socket connection = connection();
            connection.setSoTimeout((int) quiet.toMillis());
            connection.getOutputStream().write(request);
            connection.getOutputStream().flush();
            while (true) {
                Answer answer = read(connection.getInputStream(), head && answers.isEmpty());
                if (answer == null) {
                    return answers;
                }
                answers.add(answer);
            }
        } catch (java.net.SocketTimeoutException silent) {
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException("after " + answers.size() + " answers: " + e.getMessage(), e);
        } finally {
            close();
        }
    }

    /**
     * Writes bytes (such as a head whose body never follows) without waiting for an answer; read it later
     * with {@link #receive()}. Many such connections at once make a slow-client attack.
     */
    public void sendOnly(byte[] bytes) {
        try {
            OutputStream out = connection().getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the next answer on this connection, waiting for it; for requests written by {@link #sendOnly} */
    public Answer receive() {
        try {
            Answer answer = read(connection().getInputStream(), false);
            if (answer == null) {
                throw new IOException("the server closed the connection without answering");
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Socket connection() throws IOException {
        if (socket == null || socket.isClosed()) {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(60_000);
        }
        return socket;
    }

    /**
     * Reads the final answer: an interim 1xx (a {@code 100 Continue} to a request that says
     * {@code Expect: 100-continue}) is followed by the real answer to the same request, so it is skipped;
     * returning it left the real answer on the connection for the next request to read.
     */
    private Answer read(InputStream in, boolean head) throws IOException {
        while (true) {
            Answer answer = readOne(in, head);
            if (answer == null || answer.status() / 100 != 1 || answer.status() == 101) {
                return answer;
            }
        }
    }

    private Answer readOne(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                if (headBytes.size() == 0) {
                    return null;
                }
                throw new IOException("the answer ended inside its head");
            }
            headBytes.write(b);
            last4 = (last4 << 8) | b;
            if (headBytes.size() > MAX_HEAD_BYTES) {
                throw new IOException("the answer's head is longer than 64 KiB");
            }
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("\\d{3}")) {
            // Out of step with the server: an earlier answer left bytes on the connection.
            throw new IOException("not an HTTP status line: "
                    + (lines[0].length() > 120 ? lines[0].substring(0, 120) + "..." : lines[0]));
        }
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body;
        List<String> encoding = headers.get("transfer-encoding");
        List<String> length = headers.get("content-length");
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            body = readChunked(in);
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.get(0)));
        } else {
            body = in.readAllBytes();
            close();
        }
        return new Answer(status, headers, body);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
