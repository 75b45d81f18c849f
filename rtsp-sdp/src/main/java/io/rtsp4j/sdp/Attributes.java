package io.rtsp4j.sdp;

import java.util.List;

/** Lookups shared by the session and media descriptions. */
final class Attributes {

    private Attributes() {
    }

    static String first(List<Attribute> attributes, String key) {
        for (Attribute a : attributes) {
            if (a.key().equals(key)) {
                return a.value();
            }
        }
        return null;
    }
}
