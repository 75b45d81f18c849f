package io.rtsp4j.server;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The TLS side of RTSPS: the server's certificate and key, the TLS implementation and the handshake timeout.
 * Immutable; {@link Builder#build()} reads the files and prepares the TLS context, so that a bad certificate or
 * key is reported at configuration time, with the file and the problem named.
 *
 * <pre>{@code
 * TlsConfig tls = TlsConfig.builder()
 *         .certificateChain(Path.of("server.crt"))   // PEM, the server's certificate first
 *         .privateKey(Path.of("server.key"))          // PEM: PKCS#8, or PKCS#1 RSA / SEC1 EC
 *         .build();
 * RtspServerConfig config = RtspServerConfig.builder()
 *         .rtspAddress(":8554")
 *         .rtspsAddress(":8322")
 *         .tls(tls)
 *         .handler(handler)
 *         .build();
 * }</pre>
 *
 * <p>Or from a JDK {@link SSLContext} already initialised with a key manager ({@link Builder#sslContext}); that
 * always uses the JDK's TLS. Protocols are TLS 1.3 and TLS 1.2 (older versions are refused).
 *
 * <p>The TLS implementation ({@link Provider}): {@link Provider#AUTO} (the default) uses OpenSSL (the BoringSSL
 * build shipped as {@code netty-tcnative-boringssl-static}) when the platform has it, and the JDK's TLS otherwise;
 * {@link #provider()} tells which one is in use.
 */
public final class TlsConfig {

    /** Default time a client has to complete the TLS handshake: 10 seconds. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    /** The TLS protocol versions offered, newest first. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** A TLS implementation. */
    public enum Provider {
        /** OpenSSL when available ({@link TlsConfig#isOpenSslAvailable()}), the JDK's otherwise. Only requested. */
        AUTO,
        /** OpenSSL / BoringSSL through netty-tcnative: faster, native. */
        OPENSSL,
        /** The JDK's own TLS ({@code SunJSSE}). */
        JDK
    }

    private final Path certificateChain;
    private final Path privateKey;
    private final Provider requestedProvider;
    private final Provider provider;
    private final Duration handshakeTimeout;
    private final SslContext context;

    private TlsConfig(Builder b, Provider provider, SslContext context) {
        this.certificateChain = b.certificateChain;
        this.privateKey = b.privateKey;
        this.requestedProvider = b.provider;
        this.provider = provider;
        this.handshakeTimeout = b.handshakeTimeout;
        this.context = context;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A configuration from PEM files with every default (no key password, provider {@link Provider#AUTO}).
     *
     * @param certificateChain the PEM certificate chain
     * @param privateKey the PEM private key
     * @return the configuration
     * @throws IllegalArgumentException when a file cannot be read or holds no usable certificate or key
     */
    public static TlsConfig fromPem(Path certificateChain, Path privateKey) {
        return builder().certificateChain(certificateChain).privateKey(privateKey).build();
    }

    /**
     * Whether OpenSSL (netty-tcnative BoringSSL) can be used on this platform.
     *
     * @return whether {@link Provider#OPENSSL} is available
     */
    public static boolean isOpenSslAvailable() {
        return OpenSsl.isAvailable();
    }

    /** @return the PEM certificate chain file, or {@code null} when built from an {@link SSLContext} */
    public Path certificateChain() {
        return certificateChain;
    }

    /** @return the PEM private key file, or {@code null} when built from an {@link SSLContext} */
    public Path privateKey() {
        return privateKey;
    }

    /** @return the provider that was asked for ({@link Provider#AUTO} by default) */
    public Provider requestedProvider() {
        return requestedProvider;
    }

    /** @return the TLS implementation in use: {@link Provider#OPENSSL} or {@link Provider#JDK}, never AUTO */
    public Provider provider() {
        return provider;
    }

    /** @return the time a client has to complete the TLS handshake before the connection is closed */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** The Netty context that makes the {@code SslHandler} of each connection. */
    SslContext context() {
        return context;
    }

    @Override
    public String toString() {
        return "TlsConfig(provider=" + provider + ", certificateChain=" + certificateChain + ", handshakeTimeout="
                + handshakeTimeout + ")";
    }

    /** Builder of {@link TlsConfig}. Not thread-safe. */
    public static final class Builder {
        private Path certificateChain;
        private Path privateKey;
        private String keyPassword;
        private SSLContext sslContext;
        private Provider provider = Provider.AUTO;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;

        private Builder() {
        }

        /**
         * The certificate chain, a PEM file with the server's certificate first and then its intermediates.
         *
         * @param pemFile the file
         * @return this builder
         */
        public Builder certificateChain(Path pemFile) {
            this.certificateChain = pemFile;
            return this;
        }

        /**
         * The private key of the certificate, a PEM file: PKCS#8 ({@code BEGIN PRIVATE KEY} or
         * {@code BEGIN ENCRYPTED PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) or SEC1 EC
         * ({@code BEGIN EC PRIVATE KEY}).
         *
         * @param pemFile the file
         * @return this builder
         */
        public Builder privateKey(Path pemFile) {
            this.privateKey = pemFile;
            return this;
        }

        /**
         * The password of an encrypted private key. Default: none.
         *
         * @param password the password, or {@code null}
         * @return this builder
         */
        public Builder keyPassword(String password) {
            this.keyPassword = password;
            return this;
        }

        /**
         * Uses a JDK {@link SSLContext} (initialised with the server's key manager) instead of PEM files; the
         * provider is then the JDK's. Default: none.
         *
         * @param context the context
         * @return this builder
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /**
         * The TLS implementation. Default {@link Provider#AUTO}.
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        /**
         * How long a client has to complete the TLS handshake; past it the connection is closed. Default 10 s;
         * positive.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = timeout;
            return this;
        }

        /**
         * Reads the files and prepares the TLS context.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the field or file and the problem
         */
        public TlsConfig build() {
            Objects.requireNonNull(provider, "tls provider");
            if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
                throw new IllegalArgumentException("tls handshakeTimeout (" + handshakeTimeout + ") must be positive");
            }
            if (sslContext != null) {
                if (certificateChain != null || privateKey != null) {
                    throw new IllegalArgumentException(
                            "tls: give either an sslContext or certificateChain and privateKey, not both");
                }
                if (provider == Provider.OPENSSL) {
                    throw new IllegalArgumentException("tls provider OPENSSL cannot use a JDK sslContext");
                }
                return new TlsConfig(this, Provider.JDK, fromSslContext(sslContext));
            }
            if (certificateChain == null || privateKey == null) {
                throw new IllegalArgumentException(certificateChain == null
                        ? "tls certificateChain is required (or an sslContext)"
                        : "tls privateKey is required (or an sslContext)");
            }
            Provider use = resolve(provider);
            String chainPem = readPem("certificateChain", certificateChain, "CERTIFICATE");
            String keyPem = readPem("privateKey", privateKey, "PRIVATE KEY");
            List<X509Certificate> chain;
            try {
                chain = PemKeys.certificates(chainPem);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tls certificateChain (" + certificateChain + "): " + e.getMessage(), e);
            }
            try {
                keyPem = PemKeys.toPkcs8Pem(keyPem);
                if (Boolean.FALSE.equals(PemKeys.matches(keyPem, chain.get(0)))) {
                    throw new IllegalArgumentException("the key does not belong to the first certificate of "
                            + certificateChain + " (" + chain.get(0).getSubjectX500Principal() + ")");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tls privateKey (" + privateKey + "): " + e.getMessage(), e);
            }
            SslContext ctx;
            try {
                ctx = SslContextBuilder.forServer(stream(chainPem), stream(keyPem), keyPassword)
                        .sslProvider(use == Provider.OPENSSL ? SslProvider.OPENSSL : SslProvider.JDK)
                        .protocols(PROTOCOLS)
                        .clientAuth(ClientAuth.NONE)
                        .build();
            } catch (IllegalArgumentException | IOException e) {
                throw new IllegalArgumentException(pemProblem(e), e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("tls: cannot use " + certificateChain + " and " + privateKey
                        + ": " + messageOf(e), e);
            }
            return new TlsConfig(this, use, ctx);
        }

        private static Provider resolve(Provider requested) {
            return switch (requested) {
                case AUTO -> OpenSsl.isAvailable() ? Provider.OPENSSL : Provider.JDK;
                case OPENSSL -> {
                    if (!OpenSsl.isAvailable()) {
                        Throwable why = OpenSsl.unavailabilityCause();
                        throw new IllegalArgumentException("tls provider OPENSSL is not available on this platform"
                                + (why == null ? "" : ": " + why));
                    }
                    yield Provider.OPENSSL;
                }
                case JDK -> Provider.JDK;
            };
        }

        private static InputStream stream(String pem) {
            return new ByteArrayInputStream(pem.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Reads a PEM file, checking that it exists and has a block of the expected kind (clear messages). */
        private static String readPem(String field, Path file, String label) {
            String text;
            try (InputStream in = Files.newInputStream(file)) {
                // A key or a chain is a few KiB: more than 1 MiB is not what was meant.
                byte[] head = in.readNBytes(1 << 20);
                text = new String(head, StandardCharsets.ISO_8859_1);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("tls " + field + " (" + file + "): file not found");
            } catch (IOException e) {
                throw new IllegalArgumentException("tls " + field + " (" + file + "): cannot read: " + e.getMessage(), e);
            }
            if (!text.contains("-----BEGIN ") || !text.contains(label + "-----")) {
                throw new IllegalArgumentException("tls " + field + " (" + file + "): no PEM '" + label
                        + "' block found (expected -----BEGIN ..." + label + "-----)");
            }
            return text;
        }

        private String pemProblem(Exception e) {
            String m = messageOf(e);
            String lower = m.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("private key") || lower.contains("password") || lower.contains("decrypt")) {
                return "tls privateKey (" + privateKey + "): " + m
                        + (keyPassword == null && lower.contains("password") ? " (is the key encrypted?)" : "");
            }
            if (lower.contains("certificate")) {
                return "tls certificateChain (" + certificateChain + "): " + m;
            }
            return "tls: cannot use certificateChain " + certificateChain + " and privateKey " + privateKey + ": " + m;
        }

        private static String messageOf(Throwable e) {
            // Netty wraps the useful message one or two levels down.
            StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
            for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause() == c ? null : c.getCause()) {
                if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                    sb.append(": ").append(c.getMessage());
                }
            }
            return sb.toString();
        }

        private static SslContext fromSslContext(SSLContext ctx) {
            List<String> supported;
            try {
                supported = Arrays.asList(ctx.getSupportedSSLParameters().getProtocols());
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("tls sslContext is not initialised: " + e.getMessage(), e);
            }
            List<String> protocols = new ArrayList<>();
            for (String p : PROTOCOLS) {
                if (supported.contains(p)) {
                    protocols.add(p);
                }
            }
            if (protocols.isEmpty()) {
                throw new IllegalArgumentException("tls sslContext supports neither TLSv1.3 nor TLSv1.2");
            }
            return new JdkSslContext(ctx, false, null, IdentityCipherSuiteFilter.INSTANCE, null, ClientAuth.NONE,
                    protocols.toArray(new String[0]), false);
        }
    }
}
