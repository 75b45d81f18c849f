package io.rtsp4j.srtp;

import java.util.Arrays;

/**
 * The per-SSRC states of a context, keyed by the SSRC as a plain {@code int} (no boxing on the packet path).
 * A context sees one to a few SSRCs, so a linear scan behind a last-hit cache beats hashing; the size is
 * bounded by {@link SrtpOptions#maxSsrcs()}.
 */
final class StreamStateTable {

    private final int capacity;
    private int[] keys = new int[4];
    private StreamState[] states = new StreamState[4];
    private int size;
    private StreamState last;

    StreamStateTable(int capacity) {
        this.capacity = capacity;
    }

    StreamState find(int ssrc) {
        StreamState hit = last;
        if (hit != null && hit.ssrc == ssrc) {
            return hit;
        }
        int[] k = keys;
        for (int i = 0; i < size; i++) {
            if (k[i] == ssrc) {
                last = states[i];
                return last;
            }
        }
        return null;
    }

    boolean isFull() {
        return size >= capacity;
    }

    int size() {
        return size;
    }

    StreamState get(int i) {
        return states[i];
    }

    StreamState add(StreamState state) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            states = Arrays.copyOf(states, size * 2);
        }
        keys[size] = state.ssrc;
        states[size] = state;
        size++;
        last = state;
        return state;
    }

    boolean remove(int ssrc) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == ssrc) {
                size--;
                keys[i] = keys[size];
                states[i] = states[size];
                states[size] = null;
                last = null;
                return true;
            }
        }
        return false;
    }
}
