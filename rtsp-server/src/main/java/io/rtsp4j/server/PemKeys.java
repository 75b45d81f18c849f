package io.rtsp4j.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM reading for {@link TlsConfig}: certificates, and private keys brought to PKCS#8 (Netty reads PKCS#8 only,
 * without BouncyCastle; OpenSSL writes PKCS#1 {@code RSA PRIVATE KEY} and SEC1 {@code EC PRIVATE KEY} by default,
 * so those are wrapped here, which needs no cryptography, only DER framing from RFC 5208 and RFC 5915).
 */
final class PemKeys {

    /** rsaEncryption, 1.2.840.113549.1.1.1, and its NULL parameters (RFC 8017 A.1). */
    private static final byte[] RSA_ALGORITHM = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
        0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** id-ecPublicKey, 1.2.840.10045.2.1 (RFC 5480). */
    private static final byte[] EC_ALGORITHM = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private PemKeys() {
    }

    /** A PEM block: its label (e.g. {@code RSA PRIVATE KEY}), headers present, and DER content. */
    record Block(String label, boolean hasHeaders, byte[] der) {
    }

    /** The first PEM block whose label ends with {@code labelSuffix}; throws when none or it is not base64. */
    static Block firstBlock(String text, String labelSuffix) {
        int from = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", from);
            if (begin < 0) {
                throw new IllegalArgumentException("no PEM '" + labelSuffix + "' block found");
            }
            int labelEnd = text.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                throw new IllegalArgumentException("unterminated PEM BEGIN line");
            }
            String label = text.substring(begin + 11, labelEnd);
            String endLine = "-----END " + label + "-----";
            int end = text.indexOf(endLine, labelEnd);
            if (end < 0) {
                throw new IllegalArgumentException("PEM block '" + label + "' has no END line");
            }
            if (label.endsWith(labelSuffix)) {
                String body = text.substring(labelEnd + 5, end);
                boolean headers = body.contains(":");
                if (headers) {
                    // RFC 1421 headers (Proc-Type, DEK-Info): an encrypted traditional key.
                    return new Block(label, true, new byte[0]);
                }
                try {
                    return new Block(label, false, Base64.getMimeDecoder().decode(body.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("PEM block '" + label + "' is not valid base64");
                }
            }
            from = end + endLine.length();
        }
    }

    /**
     * The private key of a PEM text as a PKCS#8 PEM text (unchanged when it is already PKCS#8, encrypted or not).
     */
    static String toPkcs8Pem(String text) {
        Block b = firstBlock(text, "PRIVATE KEY");
        String label = b.label();
        if (label.equals("PRIVATE KEY") || label.equals("ENCRYPTED PRIVATE KEY")) {
            return text;
        }
        if (b.hasHeaders()) {
            throw new IllegalArgumentException("encrypted '" + label + "' keys are not supported; convert the key to"
                    + " PKCS#8: openssl pkcs8 -topk8 -in old.key -out new.key");
        }
        byte[] pkcs8 = switch (label) {
            case "RSA PRIVATE KEY" -> {
                new Der(b.der(), "RSA PRIVATE KEY").wholeSequence();
                yield pkcs8(RSA_ALGORITHM, b.der());
            }
            case "EC PRIVATE KEY" -> {
                byte[] curve = sec1Curve(b.der());
                yield pkcs8(concat(EC_ALGORITHM, curve), b.der());
            }
            default -> throw new IllegalArgumentException("unsupported private key type '" + label
                    + "' (PKCS#8, PKCS#1 RSA or SEC1 EC expected)");
        };
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** The certificates of a PEM text, in order. */
    static List<X509Certificate> certificates(String text) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : cf.generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no certificate found");
            }
            return out;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("invalid certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Whether an unencrypted PKCS#8 key belongs to the certificate: a signature made with the key verifies with
     * the certificate's public key. {@code null} when that cannot be told (an encrypted or unusual key).
     */
    static Boolean matches(String pkcs8Pem, X509Certificate cert) {
        Block b = firstBlock(pkcs8Pem, "PRIVATE KEY");
        if (!b.label().equals("PRIVATE KEY")) {
            return null;
        }
        PublicKey pub = cert.getPublicKey();
        String sigAlg = switch (pub.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (sigAlg == null) {
            return null;
        }
        try {
            PrivateKey key = KeyFactory.getInstance(pub.getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(b.der()));
            byte[] probe = "rtsp4j key check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(sigAlg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(pub);
            s.update(probe);
            return s.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A key of another algorithm than the certificate's, or unreadable: not this certificate's key.
            return Boolean.FALSE;
        }
    }

    /** The named-curve OID element of a SEC1 ECPrivateKey (RFC 5915 §3: its [0] parameters). */
    private static byte[] sec1Curve(byte[] der) {
        Der d = new Der(der, "EC PRIVATE KEY");
        d.wholeSequence();
        d.skip(0x02); // version
        d.skip(0x04); // privateKey
        if (d.atEnd() || d.peekTag() != 0xa0) {
            throw new IllegalArgumentException("EC PRIVATE KEY without curve parameters; convert the key to PKCS#8: "
                    + "openssl pkcs8 -topk8 -nocrypt -in old.key -out new.key");
        }
        d.enter(0xa0);
        int start = d.pos;
        d.skip(0x06);
        byte[] oid = new byte[d.pos - start];
        System.arraycopy(der, start, oid, 0, oid.length);
        return oid;
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, OCTET STRING privateKey } (RFC 5208). */
    private static byte[] pkcs8(byte[] algorithmContent, byte[] privateKey) {
        return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, tlv(0x30, algorithmContent), tlv(0x04, privateKey)));
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Just enough DER reading to find a SEC1 key's curve; every overrun is an IllegalArgumentException. */
    private static final class Der {
        private final byte[] b;
        private final String what;
        private int pos;
        private int limit;

        Der(byte[] b, String what) {
            this.b = b;
            this.what = what;
            this.limit = b.length;
        }

        /** Enters the outer SEQUENCE, which must span the whole input. */
        void wholeSequence() {
            enter(0x30);
            if (limit != b.length) {
                throw new IllegalArgumentException("malformed " + what + " (trailing bytes after the DER sequence)");
            }
        }

        boolean atEnd() {
            return pos >= limit;
        }

        int peekTag() {
            return b[pos] & 0xff;
        }

        /** Reads a tag and length; returns the content length. */
        private int header(int expectedTag) {
            if (pos + 2 > limit || (b[pos] & 0xff) != expectedTag) {
                throw new IllegalArgumentException("malformed " + what + " (DER)");
            }
            pos++;
            int len = b[pos++] & 0xff;
            if (len >= 0x80) {
                int bytes = len & 0x7f;
                if (bytes == 0 || bytes > 3 || pos + bytes > limit) {
                    throw new IllegalArgumentException("malformed " + what + " (DER length)");
                }
                len = 0;
                for (int i = 0; i < bytes; i++) {
                    len = (len << 8) | (b[pos++] & 0xff);
                }
            }
            if (pos + len > limit) {
                throw new IllegalArgumentException("malformed " + what + " (truncated)");
            }
            return len;
        }

        void enter(int tag) {
            int len = header(tag);
            limit = pos + len;
        }

        void skip(int tag) {
            int len = header(tag); // not "pos += header(tag)": header moves pos
            pos += len;
        }
    }
}
