package se.lefi.dev.pki;


import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509CRL;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a CA publishes over HTTP, played by the test: an OCSP responder at {@code /ocsp} (the dev CA's
 * {@link DevOcspResponder}, revoking what {@link #revokeAtResponder} names, whatever the CA's own list says)
 * and CRLs at {@code /crl/NAME}. It counts what it is asked, so a test can tell that the server did ask.
 */
public final class RevocationPublisher implements AutoCloseable {
    private final HttpServer server;
    private final DevOcspResponder responder;
    private final Set<BigInteger> revokedAtResponder = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> crls = new ConcurrentHashMap<>();
    private final AtomicInteger ocspRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> crlRequests = new ConcurrentHashMap<>();
    private volatile boolean failing;
    private volatile DevPki impostor;

    public RevocationPublisher(DevPki ca) throws IOException {
        this.responder = new DevOcspResponder(ca);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ocsp", this::ocsp);
        server.createContext("/crl/", this::crl);
        server.start();
    }

    public URI ocspUri() {
        return uri("/ocsp");
    }

    public URI crlUri(String name) {
        return uri("/crl/" + name);
    }

    public void revokeAtResponder(BigInteger serial) {
        revokedAtResponder.add(serial);
    }

    public void publishCrl(String name, X509CRL crl) throws IOException {
        try {
            crls.put(name, crl.getEncoded());
        } catch (java.security.cert.CRLException e) {
            throw new IOException(e);
        }
    }

    /** From now on every request is answered 500, as by a responder that is down. */
    public void fail(boolean fail) {
        this.failing = fail;
    }

    /** From now on the responder says good of every certificate asked about, signed by another CA's key. */
    public void forgeWith(DevPki impostorCa) {
        this.impostor = impostorCa;
    }

    public int ocspRequests() {
        return ocspRequests.get();
    }

    public int crlRequests(String name) {
        return crlRequests.getOrDefault(name, new AtomicInteger()).get();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void ocsp(HttpExchange exchange) throws IOException {
        ocspRequests.incrementAndGet();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            if (failing) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            byte[] request = in.readNBytes(64 * 1024);
            byte[] answer = impostor == null ? responder.answer(request, revokedAtResponder::contains) : forged(request, impostor);
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private void crl(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/crl/".length());
        crlRequests.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            byte[] crl = crls.get(name);
            if (failing || crl == null) {
                exchange.sendResponseHeaders(failing ? 500 : 404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, crl.length);
            exchange.getResponseBody().write(crl);
        }
    }

    private static byte[] forged(byte[] request, DevPki impostor) throws java.security.GeneralSecurityException, IOException {
        try {
            org.bouncycastle.cert.X509CertificateHolder impostorHolder = new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(impostor.caCertificate());
            org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder builder = new org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder(
                    new org.bouncycastle.cert.ocsp.RespID(impostorHolder.getSubject()));
            java.util.Date now = new java.util.Date();
            for (org.bouncycastle.cert.ocsp.Req one : new org.bouncycastle.cert.ocsp.OCSPReq(request).getRequestList()) {
                builder.addResponse(one.getCertID(), org.bouncycastle.cert.ocsp.CertificateStatus.GOOD, now,
                        new java.util.Date(now.getTime() + 600_000), null);
            }
            return new org.bouncycastle.cert.ocsp.OCSPRespBuilder().build(org.bouncycastle.cert.ocsp.OCSPRespBuilder.SUCCESSFUL,
                    builder.build(impostor.signer(), new org.bouncycastle.cert.X509CertificateHolder[] {impostorHolder}, now)).getEncoded();
        } catch (org.bouncycastle.cert.ocsp.OCSPException e) {
            throw new java.security.GeneralSecurityException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
