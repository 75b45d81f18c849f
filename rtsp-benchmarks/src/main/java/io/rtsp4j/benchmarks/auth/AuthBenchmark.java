package io.rtsp4j.benchmarks.auth;

import io.rtsp4j.auth.AuthMethod;
import io.rtsp4j.auth.AuthResult;
import io.rtsp4j.auth.AuthSender;
import io.rtsp4j.auth.AuthVerifier;
import io.rtsp4j.auth.NonceScope;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * rtsp-auth per-request costs: verifying one Authorization header (what the server does for every protected
 * request), producing the challenges of a 401, and the client side's authorize.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AuthBenchmark {

    private static final String URL = "rtsp://192.168.1.10:554/stream1/trackID=0";

    /** Which method the client answers with. */
    @Param({"BASIC", "DIGEST_MD5", "DIGEST_SHA256"})
    public String method;

    private AuthVerifier verifier;
    private NonceScope scope;
    private List<String> header;
    private AuthSender sender;

    /** Builds a verifier accepting the method, a generated nonce scope and one valid header. */
    @Setup
    public void setup() throws Exception {
        AuthMethod m = AuthMethod.valueOf(method);
        verifier = AuthVerifier.builder().methods(m).build();
        scope = verifier.newScope();
        sender = AuthSender.create(verifier.challenges(scope, false), "admin", "secret");
        header = List.of(sender.authorize("SETUP", URL));
    }

    /**
     * One verification that succeeds.
     *
     * @return the result
     */
    @Benchmark
    public AuthResult verify() {
        return verifier.verify(scope, "SETUP", URL, header, "admin", "secret");
    }

    /**
     * The challenges of one 401 (a fresh nonce for Digest).
     *
     * @return the header values
     */
    @Benchmark
    public List<String> challenges() {
        return verifier.challenges(scope, false);
    }

    /**
     * The client side: one Authorization value.
     *
     * @return the header value
     */
    @Benchmark
    public String authorize() {
        return sender.authorize("SETUP", URL);
    }
}
