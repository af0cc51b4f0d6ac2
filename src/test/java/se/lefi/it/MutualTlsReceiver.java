package se.lefi.it;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A push receiver for tests: HTTPS on a free loopback port with the dev server certificate, asking for
 * the pushing server's client certificate (mutual TLS, as an organisation's endpoint would).
 */
public final class MutualTlsReceiver {
    private MutualTlsReceiver() {
    }

    public static HttpsServer start(String path, HttpHandler handler) throws Exception {
        SSLContext tls = LefiServer.sslContext("server-keystore");
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext(path, handler);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "push-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }
}
