package io.rtsp4j.server;

import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The ONVIF audio back channel (ONVIF Streaming Specification §5.3): a stream media marked {@code a=sendonly}
 * on which the server receives audio from a reader. Readers ask for back channels with the {@code Require} option
 * tag {@link #REQUIRE_TAG}; RFC 2326 §12.32 makes the server refuse any other required option with
 * {@code 551 Option not supported} and an {@code Unsupported} header naming it.
 */
final class BackChannels {

    /** The option tag of the ONVIF back channel. */
    static final String REQUIRE_TAG = "www.onvif.org/ver20/backchannel";

    private BackChannels() {
    }

    /** Whether the request asks for back channels ({@code Require: www.onvif.org/ver20/backchannel}). */
    static boolean requested(RtspRequest request) {
        for (String option : requiredOptions(request)) {
            if (option.equalsIgnoreCase(REQUIRE_TAG)) {
                return true;
            }
        }
        return false;
    }

    /** The options of the request's {@code Require} headers this server does not support, in order. */
    static List<String> unsupported(RtspRequest request) {
        List<String> out = new ArrayList<>();
        for (String option : requiredOptions(request)) {
            if (!option.equalsIgnoreCase(REQUIRE_TAG) && !out.contains(option)) {
                out.add(option);
            }
        }
        return out;
    }

    /** Every option tag of the {@code Require} headers (one header may list several, comma-separated). */
    private static List<String> requiredOptions(RtspRequest request) {
        List<String> out = new ArrayList<>();
        for (String value : request.headers().getAll(RtspHeaderNames.REQUIRE)) {
            for (String option : value.split(",")) {
                String tag = option.trim();
                if (!tag.isEmpty()) {
                    out.add(tag);
                }
            }
        }
        return out;
    }
}
