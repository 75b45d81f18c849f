package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.SdpParseException;
import java.util.Collections;
import java.util.Map;

/**
 * Any format this module has no type for (or a known codec in an unexpected place): keeps its
 * {@code rtpmap} and {@code fmtp} values exactly as received and writes them back unchanged.
 *
 * <p>The clock rate comes from the {@code rtpmap}; without one, from the static payload type table of
 * RFC 3551; otherwise it is 0 (unknown).
 *
 * <p>A lenient parse ({@link MediaFormats#decodeLenient}, {@code Session.parseLenient}) also keeps a known
 * codec whose parameters are invalid as a generic format, so that it can still be relayed;
 * {@link #decodeProblem()} then says what was wrong.
 */
public final class GenericFormat extends BaseFormat {

    /** Clock rates of the RFC 3551 static payload types (0 = unassigned). */
    private static final int[] STATIC_CLOCK_RATES = new int[35];

    static {
        int[] at8000 = {0, 3, 4, 5, 7, 8, 9, 12, 13, 15, 18};
        for (int pt : at8000) {
            STATIC_CLOCK_RATES[pt] = 8000;
        }
        STATIC_CLOCK_RATES[6] = 16000;
        STATIC_CLOCK_RATES[10] = 44100;
        STATIC_CLOCK_RATES[11] = 44100;
        STATIC_CLOCK_RATES[16] = 11025;
        STATIC_CLOCK_RATES[17] = 22050;
        for (int pt : new int[] {14, 25, 26, 28, 31, 32, 33, 34}) {
            STATIC_CLOCK_RATES[pt] = 90000;
        }
    }

    private final String rtpMap;
    private final String fmtp;
    private final int clockRate;
    private final String decodeProblem;

    private GenericFormat(int payloadType, String rtpMap, String fmtp, int clockRate, String decodeProblem) {
        super(payloadType);
        this.rtpMap = rtpMap;
        this.fmtp = fmtp;
        this.clockRate = clockRate;
        this.decodeProblem = decodeProblem;
    }

    /**
     * Creates a generic format; the clock rate is derived from the rtpmap or the static payload type.
     *
     * @param payloadType the payload type
     * @param rtpMap the rtpmap value after the payload type, or {@code null}
     * @param fmtp the fmtp value after the payload type, or {@code null}
     * @return the format
     * @throws SdpParseException if the rtpmap has an unreadable clock rate
     */
    public static GenericFormat of(int payloadType, String rtpMap, String fmtp) {
        return decode(payloadType, rtpMap, fmtp);
    }

    static GenericFormat decode(int payloadType, String rtpMap, String fmtp) {
        String map = rtpMap == null || rtpMap.isEmpty() ? null : rtpMap;
        String params = fmtp == null || fmtp.isEmpty() ? null : fmtp;
        int clock;
        if (map == null) {
            clock = payloadType < STATIC_CLOCK_RATES.length ? STATIC_CLOCK_RATES[payloadType] : 0;
        } else {
            RtpMapValue v = RtpMapValue.of(map);
            if (v.rate() == null) {
                clock = 0; // "a=rtpmap:98 MetaData": no rate given
            } else {
                clock = Fmtp.parseInt(v.rate(), "clock rate", "Generic", 0, Integer.MAX_VALUE);
            }
        }
        return new GenericFormat(payloadType, map, params, clock, null);
    }

    /** This format, remembering why its codec's own decoder refused it. */
    GenericFormat withDecodeProblem(String problem) {
        return new GenericFormat(payloadType(), rtpMap, fmtp, clockRate, problem);
    }

    /**
     * Why the codec named by the {@code rtpmap} could not be decoded, when a lenient parse kept this format
     * generic instead of failing (for example {@code "invalid MPEG4Audio config 'zzz1210': ..."}).
     * Information only: it is not written and does not take part in {@link #equals(Object)}.
     *
     * @return the problem, or {@code null} when this format is generic because its codec is not one of
     *     this module's types
     */
    public String decodeProblem() {
        return decodeProblem;
    }

    @Override
    public int clockRate() {
        return clockRate;
    }

    @Override
    public String codec() {
        return "Generic";
    }

    @Override
    public String rtpMap() {
        return rtpMap;
    }

    /**
     * The fmtp parameters as received (keys keep their case, entries without {@code =} are left out);
     * {@link #fmtpValue()} is the exact text.
     *
     * @return the parameters in received order
     */
    @Override
    public Map<String, String> fmtp() {
        return super.fmtp();
    }

    @Override
    Map<String, String> computeFmtp() {
        return Collections.unmodifiableMap(Fmtp.parse(fmtp, false));
    }

    @Override
    String computeFmtpValue() {
        return fmtp;
    }

    @Override
    public GenericFormat withPayloadType(int payloadType) {
        return new GenericFormat(payloadType, rtpMap, fmtp, clockRate, decodeProblem);
    }
}
