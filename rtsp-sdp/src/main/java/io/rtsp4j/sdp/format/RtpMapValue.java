package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.SdpParseException;
import java.util.Locale;

/** An rtpmap value split into encoding name, clock rate and channel tokens. */
record RtpMapValue(String raw, String name, String rate, String channels) {

    static RtpMapValue of(String rtpMap) {
        if (rtpMap == null) {
            return new RtpMapValue(null, "", null, null);
        }
        int s1 = rtpMap.indexOf('/');
        if (s1 < 0) {
            return new RtpMapValue(rtpMap, rtpMap, null, null);
        }
        int s2 = rtpMap.indexOf('/', s1 + 1);
        String name = rtpMap.substring(0, s1);
        String rate = s2 < 0 ? rtpMap.substring(s1 + 1) : rtpMap.substring(s1 + 1, s2);
        String channels = s2 < 0 ? null : rtpMap.substring(s2 + 1);
        return new RtpMapValue(rtpMap, name, rate, channels);
    }

    /** The encoding name in lower case, "" without rtpmap. */
    String codec() {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    boolean rateIs(String expected) {
        return expected.equals(rate == null ? null : rate.strip());
    }

    int rate(String codec) {
        if (rate == null) {
            throw new SdpParseException("invalid " + codec + " rtpmap '" + raw + "': clock rate missing");
        }
        return Fmtp.parseInt(rate, "clock rate", codec, 1, 0x7fffffff);
    }

    /** The channel count, or {@code def} when the rtpmap has none. */
    int channels(String codec, int def) {
        if (channels == null) {
            return def;
        }
        return Fmtp.parseInt(channels, "channel count", codec, 1, 255);
    }
}
