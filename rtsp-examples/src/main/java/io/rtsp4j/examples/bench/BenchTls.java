package io.rtsp4j.examples.bench;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import javax.net.ssl.SSLException;

/**
 * The TLS client side of {@code rtsps://} benchmarks. It trusts ANY certificate (no verification at all): the
 * bench tool measures a server one runs oneself, usually with a self-signed certificate, and must never be used
 * to talk to a server across an untrusted network. OpenSSL (netty-tcnative BoringSSL) when available, as on the
 * server, so that the client's TLS cost is as low as it can be.
 */
final class BenchTls {

    private static SslContext context;

    private BenchTls() {
    }

    /** The shared client context (created on first use). */
    static synchronized SslContext context() {
        if (context == null) {
            try {
                context = SslContextBuilder.forClient()
                        .sslProvider(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK)
                        .trustManager(InsecureTrustManagerFactory.INSTANCE)
                        .protocols("TLSv1.3", "TLSv1.2")
                        .build();
            } catch (SSLException e) {
                throw new IllegalStateException("cannot create the TLS client context: " + e.getMessage(), e);
            }
        }
        return context;
    }

    /** @return {@code openssl} or {@code jdk}: the client's TLS implementation */
    static String providerName() {
        return OpenSsl.isAvailable() ? "openssl" : "jdk";
    }
}
