package io.rtsp4j.server;

import io.rtsp4j.base.RtspMethod;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Detects overridden callbacks once per handler class. */
final class HandlerMethods {
    private static final ConcurrentHashMap<Class<?>, Set<RtspMethod>> CACHE = new ConcurrentHashMap<>();

    private HandlerMethods() {
    }

    static Set<RtspMethod> of(Class<?> type) {
        return CACHE.computeIfAbsent(type, HandlerMethods::detect);
    }

    /** The methods of gortsplib's {@code Public} header, in its order (clients do not care, people reading do). */
    private static final java.util.List<RtspMethod> ORDER = java.util.List.of(RtspMethod.DESCRIBE, RtspMethod.ANNOUNCE,
            RtspMethod.SETUP, RtspMethod.PLAY, RtspMethod.RECORD, RtspMethod.PAUSE, RtspMethod.GET_PARAMETER,
            RtspMethod.SET_PARAMETER, RtspMethod.TEARDOWN);

    /**
     * A handler's supported methods in {@code Public} order; GET_PARAMETER and TEARDOWN are always supported,
     * other methods a handler may list are ignored.
     */
    static Set<RtspMethod> canonicalOrder(Set<RtspMethod> supported) {
        Set<RtspMethod> set = new LinkedHashSet<>();
        for (RtspMethod m : ORDER) {
            if (supported.contains(m) || m.equals(RtspMethod.GET_PARAMETER) || m.equals(RtspMethod.TEARDOWN)) {
                set.add(m);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    private static Set<RtspMethod> detect(Class<?> type) {
        Set<RtspMethod> set = new LinkedHashSet<>();
        add(set, type, "onDescribe", RtspMethod.DESCRIBE);
        add(set, type, "onAnnounce", RtspMethod.ANNOUNCE);
        add(set, type, "onSetup", RtspMethod.SETUP);
        add(set, type, "onPlay", RtspMethod.PLAY);
        add(set, type, "onRecord", RtspMethod.RECORD);
        add(set, type, "onPause", RtspMethod.PAUSE);
        set.add(RtspMethod.GET_PARAMETER);
        add(set, type, "onSetParameter", RtspMethod.SET_PARAMETER);
        set.add(RtspMethod.TEARDOWN);
        return Collections.unmodifiableSet(set);
    }

    private static void add(Set<RtspMethod> set, Class<?> type, String name, RtspMethod method) {
        try {
            if (type.getMethod(name, RequestContext.class).getDeclaringClass() != ServerHandler.class) {
                set.add(method);
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
