package io.rtsp4j.benchmarks.srtp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Design check for rtsp-srtp's AES-CM transform: the JDK's AES/CTR re-initialised per packet versus AES/ECB
 * initialised once, encrypting our own counter blocks and XORing the key stream; plus the JDK's HmacSHA1 alone
 * over a 1,200-byte packet, to see its share of the AES-CM cost in {@link SrtpBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AesKeyStreamBenchmark {

    private static final int PAYLOAD = 1188;

    private final byte[] data = new byte[PAYLOAD + 16];
    private final byte[] counters = new byte[PAYLOAD + 16];
    private final byte[] keyStream = new byte[PAYLOAD + 16];
    private final byte[] iv = new byte[16];
    private final byte[] tag = new byte[20];
    private Cipher ctr;
    private Cipher ecb;
    private SecretKeySpec key;
    private Mac hmac;
    private int packet;

    /** Creates the ciphers. */
    @Setup
    public void setUp() throws GeneralSecurityException {
        key = new SecretKeySpec(new byte[16], "AES");
        ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, key);
        hmac = Mac.getInstance("HmacSHA1");
        hmac.init(new SecretKeySpec(new byte[20], "HmacSHA1"));
        MessageDigest.getInstance("SHA-1");
    }

    /**
     * JDK counter mode, initialised with the packet's IV (what rtsp-srtp does).
     *
     * @return the data
     */
    @Benchmark
    public byte[] jdkCtrInitPerPacket() throws GeneralSecurityException {
        iv[13] = (byte) packet++;
        ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        ctr.doFinal(data, 0, PAYLOAD, data, 0);
        return data;
    }

    /**
     * ECB over counter blocks built here, then XOR.
     *
     * @return the data
     */
    @Benchmark
    public byte[] ecbCounterBlocks() throws GeneralSecurityException {
        int blocks = (PAYLOAD + 15) / 16;
        byte seq = (byte) packet++;
        for (int b = 0; b < blocks; b++) {
            int at = b * 16;
            counters[at + 13] = seq;
            counters[at + 14] = (byte) (b >>> 8);
            counters[at + 15] = (byte) b;
        }
        ecb.update(counters, 0, blocks * 16, keyStream, 0);
        for (int i = 0; i < PAYLOAD; i++) {
            data[i] ^= keyStream[i];
        }
        return data;
    }

    /**
     * The JDK's HmacSHA1 over a 1,200-byte packet plus the 4-byte ROC.
     *
     * @return the tag
     */
    @Benchmark
    public byte[] jdkHmacSha1() throws GeneralSecurityException {
        hmac.update(data, 0, 1200);
        hmac.update(iv, 0, 4);
        hmac.doFinal(tag, 0);
        return tag;
    }
}
