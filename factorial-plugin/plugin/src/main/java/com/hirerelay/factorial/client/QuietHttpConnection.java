package com.hirerelay.factorial.client;

import java.io.IOException;
import java.net.Socket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP/1.1 connection to Factorial that never logs. Apache HttpClient's own connection logs every request
 * header (the {@code x-api-key} among them) and every byte on the wire whenever its loggers are at DEBUG, a level
 * the host's operator may set for everything; this one has no logger at all, so the key cannot reach a log from
 * here whatever the host's configuration.
 *
 * <p>Pooled connections wait without a socket time-out and take the request's back when leased, as Apache's do.
 */
final class QuietHttpConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

    /** Opens connections of this kind for the pool; binds the socket when it is given. */
    static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
        QuietHttpConnection connection = new QuietHttpConnection();
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    };

    private volatile Timeout socketTimeout;

    private QuietHttpConnection() {
        super(Http1Config.DEFAULT);
    }

    @Override
    public void bind(Socket socket) throws IOException {
        super.bind(socket);
        socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
    }

    @Override
    public Socket getSocket() {
        SocketHolder holder = getSocketHolder();
        return holder == null ? null : holder.getSocket();
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
        super.setSocketTimeout(timeout);
        socketTimeout = timeout;
    }

    @Override
    public void passivate() {
        super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    @Override
    public void activate() {
        super.setSocketTimeout(socketTimeout);
    }
}
