package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.SdpParseException;
import java.util.Map;

/**
 * Creates the {@link MediaFormat} of one payload type of a media description.
 *
 * <p>The type is chosen as gortsplib does (see the module README for the table): static payload types
 * (0/8 G.711, 9 G.722, 10/11 L16, 14 MPEG-1 audio, 26 JPEG, 32 MPEG-1 video, 33 MPEG-TS) by number, dynamic
 * ones (96..127, and 35 for H.264) by the {@code rtpmap} encoding name within the media type. Anything
 * else, including known codecs on an unexpected media type or payload type, is a {@link GenericFormat}.
 */
public final class MediaFormats {

    private MediaFormats() {
    }

    /**
     * Decodes one format.
     *
     * @param mediaType the media type of the {@code m=} line ({@code video}, {@code audio}, ...)
     * @param payloadType the payload type (0..127)
     * @param rtpMap the {@code a=rtpmap} value after the payload type, or {@code null}
     * @param fmtp the {@code a=fmtp} value after the payload type, or {@code null}
     * @return the format
     * @throws SdpParseException if the parameters of a known codec are invalid
     */
    public static MediaFormat decode(String mediaType, int payloadType, String rtpMap, String fmtp) {
        if (payloadType < 0 || payloadType > 127) {
            throw new SdpParseException("invalid payload type " + payloadType);
        }
        RtpMapValue map = RtpMapValue.of(rtpMap == null ? null : rtpMap.strip());
        String codec = map.codec();
        boolean dynamic = payloadType >= 96;
        Map<String, String> params = Fmtp.parse(fmtp, true);
        String type = mediaType == null ? "" : mediaType;
        switch (type) {
            case "video" -> {
                switch (payloadType) {
                    case 26:
                        return new MjpegFormat();
                    case 32:
                        return new Mpeg1VideoFormat();
                    case 33:
                        return new MpegTsFormat(payloadType);
                    default:
                        break;
                }
                if (codec.equals("h264") && map.rateIs("90000") && (dynamic || payloadType == 35)) {
                    return H264Format.decode(payloadType, params);
                }
                if (dynamic && map.rateIs("90000")) {
                    switch (codec) {
                        case "h265":
                            return H265Format.decode(payloadType, params);
                        case "mp4v-es":
                            return Mpeg4VideoFormat.decode(payloadType, params);
                        case "vp8":
                            return Vp8Format.decode(payloadType, params);
                        case "vp9":
                            return Vp9Format.decode(payloadType, params);
                        case "av1":
                            return Av1Format.decode(payloadType, params);
                        case "mp2t":
                            return new MpegTsFormat(payloadType);
                        default:
                            break;
                    }
                }
            }
            case "audio" -> {
                switch (payloadType) {
                    case 0, 8:
                        return G711Format.decode(payloadType, map);
                    case 9:
                        return new G722Format();
                    case 10, 11:
                        return LpcmFormat.decode(payloadType, map);
                    case 14:
                        return new Mpeg1AudioFormat();
                    default:
                        break;
                }
                if (dynamic) {
                    switch (codec) {
                        case "pcmu", "pcma":
                            return G711Format.decode(payloadType, map);
                        case "l8", "l16", "l24":
                            return LpcmFormat.decode(payloadType, map);
                        case "mpeg4-generic":
                            return Mpeg4AudioFormat.decode(payloadType, params);
                        case "mp4a-latm":
                            return Mpeg4AudioLatmFormat.decode(payloadType, map, params);
                        case "opus", "multiopus":
                            return OpusFormat.decode(payloadType, map, params);
                        case "vorbis":
                            return VorbisFormat.decode(payloadType, map, params);
                        case "ac3":
                            return Ac3Format.decode(payloadType, map);
                        case "speex":
                            return SpeexFormat.decode(payloadType, map, params);
                        default:
                            if (codec.startsWith("g726-") || codec.startsWith("aal2-g726-")) {
                                return G726Format.decode(payloadType, map);
                            }
                            break;
                    }
                }
            }
            case "application" -> {
                if (payloadType == 33) {
                    // FFmpeg announces a raw MPEG-TS stream as "m=application 0 RTP/AVP 33"
                    return new MpegTsFormat(payloadType);
                }
                if (dynamic && codec.equals("smpte336m") && map.rateIs("90000")) {
                    return new KlvFormat(payloadType);
                }
            }
            default -> {
                // any other media type: generic
            }
        }
        return generic(payloadType, rtpMap, fmtp);
    }

    private static GenericFormat generic(int payloadType, String rtpMap, String fmtp) {
        return GenericFormat.decode(payloadType, rtpMap == null ? null : rtpMap.strip(),
                fmtp == null ? null : fmtp.strip());
    }

    /**
     * Decodes one format like {@link #decode}, but keeps a format whose codec parameters are invalid (an
     * undecodable {@code config}, a missing required parameter, an out-of-range value) as a
     * {@link GenericFormat} with its {@code rtpmap} and {@code fmtp} as received, the payload type, and the
     * clock rate of the {@code rtpmap}; {@link GenericFormat#decodeProblem()} says what was wrong. A relay
     * uses this so that one format it cannot interpret does not stop it from forwarding the stream.
     *
     * @param mediaType the media type of the {@code m=} line
     * @param payloadType the payload type (0..127)
     * @param rtpMap the {@code a=rtpmap} value after the payload type, or {@code null}
     * @param fmtp the {@code a=fmtp} value after the payload type, or {@code null}
     * @return the format
     * @throws SdpParseException if the payload type is out of range, or the format is invalid and its
     *     {@code rtpmap} has no readable clock rate either (the exception of the codec's decoder)
     */
    public static MediaFormat decodeLenient(String mediaType, int payloadType, String rtpMap, String fmtp) {
        if (payloadType < 0 || payloadType > 127) {
            throw new SdpParseException("invalid payload type " + payloadType);
        }
        try {
            return decode(mediaType, payloadType, rtpMap, fmtp);
        } catch (IllegalArgumentException e) { // SdpParseException, or a codec check that escaped as such
            String problem = e instanceof SdpParseException spe ? spe.problem() : e.getMessage();
            try {
                return generic(payloadType, rtpMap, fmtp).withDecodeProblem(problem);
            } catch (SdpParseException unreadableRtpMap) {
                e.addSuppressed(unreadableRtpMap);
                throw e;
            }
        }
    }
}
