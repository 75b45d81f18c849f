package io.rtsp4j.server;

import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A handler whose request callbacks are lambdas set by the test (a method whose lambda is {@code null} is not
 * supported: {@code 501}, not in {@code Public}) and whose events are queued for the test to await.
 */
final class TestHandler implements ServerHandler {

    volatile Function<RequestContext, Reply> describe;
    volatile Function<RequestContext, Reply> announce;
    volatile Function<RequestContext, Reply> setup;
    volatile Function<RequestContext, Reply> play;
    volatile Function<RequestContext, Reply> record;
    volatile Function<RequestContext, Reply> pause;
    volatile Function<RequestContext, Reply> getParameter;
    volatile Function<RequestContext, Reply> setParameter;
    volatile Consumer<ServerConnection> connectionOpen;
    volatile Consumer<ServerSession> sessionOpen;

    final BlockingQueue<ServerConnection> connectionsOpened = new LinkedBlockingQueue<>();
    final BlockingQueue<Closed<ServerConnection>> connectionsClosed = new LinkedBlockingQueue<>();
    final BlockingQueue<ServerSession> sessionsOpened = new LinkedBlockingQueue<>();
    final BlockingQueue<Closed<ServerSession>> sessionsClosed = new LinkedBlockingQueue<>();
    final BlockingQueue<RtspRequest> requests = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> decodeErrors = new LinkedBlockingQueue<>();
    final BlockingQueue<Long> packetsLost = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> streamWriteErrors = new LinkedBlockingQueue<>();

    /** A close event. */
    record Closed<T>(T subject, Throwable reason) {
        String message() {
            return reason.getMessage();
        }
    }

    TestHandler describe(Function<RequestContext, Reply> f) {
        describe = f;
        return this;
    }

    TestHandler announce(Function<RequestContext, Reply> f) {
        announce = f;
        return this;
    }

    TestHandler setup(Function<RequestContext, Reply> f) {
        setup = f;
        return this;
    }

    TestHandler play(Function<RequestContext, Reply> f) {
        play = f;
        return this;
    }

    TestHandler record(Function<RequestContext, Reply> f) {
        record = f;
        return this;
    }

    TestHandler pause(Function<RequestContext, Reply> f) {
        pause = f;
        return this;
    }

    TestHandler getParameter(Function<RequestContext, Reply> f) {
        getParameter = f;
        return this;
    }

    TestHandler setParameter(Function<RequestContext, Reply> f) {
        setParameter = f;
        return this;
    }

    /** A handler that plays {@code stream} and accepts publishers: DESCRIBE/SETUP/PLAY/ANNOUNCE/RECORD/PAUSE. */
    static TestHandler serving(java.util.function.Supplier<ServerStream> stream) {
        return new TestHandler()
                .describe(ctx -> Reply.ok(stream.get()))
                .announce(ctx -> Reply.ok())
                .setup(ctx -> ctx.session().state() == ServerSessionState.PRE_RECORD ? Reply.ok()
                        : Reply.ok(stream.get()))
                .play(ctx -> Reply.ok())
                .record(ctx -> Reply.ok())
                .pause(ctx -> Reply.ok());
    }

    // ------------------------------------------------------------------------------------------ awaiting

    static <T> T await(BlockingQueue<T> q, String what) {
        try {
            T t = q.poll(RtspTestClient.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            if (t == null) {
                throw new AssertionError("timed out waiting for " + what);
            }
            return t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Closed<ServerConnection> awaitConnectionClose() {
        return await(connectionsClosed, "onConnectionClose");
    }

    Closed<ServerSession> awaitSessionClose() {
        return await(sessionsClosed, "onSessionClose");
    }

    ServerSession awaitSessionOpen() {
        return await(sessionsOpened, "onSessionOpen");
    }

    Throwable awaitDecodeError() {
        return await(decodeErrors, "onDecodeError");
    }

    // ------------------------------------------------------------------------------------------ ServerHandler

    @Override
    public Set<RtspMethod> supportedMethods() {
        Set<RtspMethod> s = new LinkedHashSet<>();
        addIf(s, describe, RtspMethod.DESCRIBE);
        addIf(s, announce, RtspMethod.ANNOUNCE);
        addIf(s, setup, RtspMethod.SETUP);
        addIf(s, play, RtspMethod.PLAY);
        addIf(s, record, RtspMethod.RECORD);
        addIf(s, pause, RtspMethod.PAUSE);
        s.add(RtspMethod.GET_PARAMETER);
        addIf(s, setParameter, RtspMethod.SET_PARAMETER);
        s.add(RtspMethod.TEARDOWN);
        return s;
    }

    private static void addIf(Set<RtspMethod> s, Object f, RtspMethod m) {
        if (f != null) {
            s.add(m);
        }
    }

    private static Reply call(Function<RequestContext, Reply> f, RequestContext ctx) {
        return f == null ? Reply.notImplemented() : f.apply(ctx);
    }

    @Override
    public void onConnectionOpen(ServerConnection connection) {
        connectionsOpened.add(connection);
        Consumer<ServerConnection> c = connectionOpen;
        if (c != null) {
            c.accept(connection);
        }
    }

    @Override
    public void onConnectionClose(ServerConnection connection, Throwable reason) {
        connectionsClosed.add(new Closed<>(connection, reason));
    }

    @Override
    public void onSessionOpen(ServerSession session, ServerConnection connection) {
        sessionsOpened.add(session);
        Consumer<ServerSession> c = sessionOpen;
        if (c != null) {
            c.accept(session);
        }
    }

    @Override
    public void onSessionClose(ServerSession session, Throwable reason) {
        sessionsClosed.add(new Closed<>(session, reason));
    }

    @Override
    public void onRequest(ServerConnection connection, RtspRequest request) {
        requests.add(request);
    }

    @Override
    public Reply onDescribe(RequestContext ctx) {
        return call(describe, ctx);
    }

    @Override
    public Reply onAnnounce(RequestContext ctx) {
        return call(announce, ctx);
    }

    @Override
    public Reply onSetup(RequestContext ctx) {
        return call(setup, ctx);
    }

    @Override
    public Reply onPlay(RequestContext ctx) {
        return call(play, ctx);
    }

    @Override
    public Reply onRecord(RequestContext ctx) {
        return call(record, ctx);
    }

    @Override
    public Reply onPause(RequestContext ctx) {
        return call(pause, ctx);
    }

    @Override
    public Reply onGetParameter(RequestContext ctx) {
        return call(getParameter, ctx);
    }

    @Override
    public Reply onSetParameter(RequestContext ctx) {
        return call(setParameter, ctx);
    }

    @Override
    public void onPacketsLost(ServerSession session, long lost) {
        packetsLost.add(lost);
    }

    @Override
    public void onDecodeError(ServerSession session, Throwable error) {
        decodeErrors.add(error);
    }

    @Override
    public void onStreamWriteError(ServerSession session, Throwable error) {
        streamWriteErrors.add(error);
    }
}
