package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.codec.AudioSpecificConfig;
import io.rtsp4j.sdp.codec.StreamMuxConfig;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The corpus {@code fields} of a format, built from its typed accessors (names of the corpus schema). */
public final class FormatFields {

    private FormatFields() {
    }

    private static String hex(byte[] b) {
        return b == null ? null : HexFormat.of().formatHex(b);
    }

    /**
     * The decoded codec parameters of a format.
     *
     * @param f the format
     * @return the fields
     */
    public static Map<String, Object> of(MediaFormat f) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (f instanceof H264Format h) {
            m.put("sps", hex(h.sps()));
            m.put("pps", hex(h.pps()));
            m.put("packetizationMode", h.packetizationMode());
        } else if (f instanceof H265Format h) {
            m.put("vps", hex(h.vps()));
            m.put("sps", hex(h.sps()));
            m.put("pps", hex(h.pps()));
            m.put("maxDonDiff", h.maxDonDiff());
        } else if (f instanceof G711Format g) {
            m.put("muLaw", g.muLaw());
            m.put("sampleRate", g.sampleRate());
            m.put("channelCount", g.channelCount());
        } else if (f instanceof Mpeg4AudioFormat a) {
            m.put("profileLevelId", a.profileLevelId());
            m.put("config", asc(a.config()));
            m.put("sizeLength", a.sizeLength());
            m.put("indexLength", a.indexLength());
            m.put("indexDeltaLength", a.indexDeltaLength());
        } else if (f instanceof Mpeg4AudioLatmFormat a) {
            m.put("profileLevelId", a.profileLevelId());
            m.put("bitrate", a.bitrate());
            m.put("cPresent", a.cpresent());
            m.put("sbrEnabled", a.sbrEnabled());
            m.put("streamMuxConfig", a.config() == null ? null : streamMuxConfig(a.config()));
        } else if (f instanceof OpusFormat o) {
            m.put("channelCount", o.channelCount());
        } else if (f instanceof SpeexFormat s) {
            m.put("sampleRate", s.sampleRate());
            m.put("vbr", s.vbr());
        } else if (f instanceof Ac3Format a) {
            m.put("sampleRate", a.sampleRate());
            m.put("channelCount", a.channelCount());
        } else if (f instanceof G726Format g) {
            m.put("bitRate", g.bitRate());
            m.put("bigEndian", g.bigEndian());
        } else if (f instanceof LpcmFormat l) {
            m.put("bitDepth", l.bitDepth());
            m.put("sampleRate", l.sampleRate());
            m.put("channelCount", l.channelCount());
        } else if (f instanceof Vp8Format v) {
            m.put("maxFr", v.maxFr());
            m.put("maxFs", v.maxFs());
        } else if (f instanceof Vp9Format v) {
            m.put("maxFr", v.maxFr());
            m.put("maxFs", v.maxFs());
            m.put("profileId", v.profileId());
        } else if (f instanceof Av1Format v) {
            m.put("levelIdx", v.levelIdx());
            m.put("profile", v.profile());
            m.put("tier", v.tier());
        } else if (f instanceof Mpeg4VideoFormat v) {
            m.put("profileLevelId", v.profileLevelId());
            m.put("config", hex(v.config()));
        } else if (f instanceof VorbisFormat v) {
            m.put("sampleRate", v.sampleRate());
            m.put("channelCount", v.channelCount());
            m.put("configuration", hex(v.configuration()));
        } else if (f instanceof GenericFormat g) {
            m.put("rtpMap", g.rtpMap());
            m.put("clockRate", g.clockRate());
            m.put("fmtp", g.fmtp().isEmpty() ? null : g.fmtp());
        }
        return m;
    }

    static Map<String, Object> asc(AudioSpecificConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", c.objectType());
        m.put("sampleRate", c.sampleRate());
        m.put("channelConfig", c.channelConfig());
        m.put("channelCount", c.channelCount());
        m.put("extensionType", c.extensionObjectType());
        m.put("extensionSampleRate", c.extensionSampleRate());
        m.put("frameLengthFlag", c.frameLengthFlag());
        m.put("dependsOnCoreCoder", c.dependsOnCoreCoder());
        m.put("coreCoderDelay", c.coreCoderDelay());
        return m;
    }

    static Map<String, Object> streamMuxConfig(StreamMuxConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("numSubFrames", c.numSubFrames());
        List<Object> programs = new ArrayList<>();
        for (StreamMuxConfig.Program p : c.programs()) {
            List<Object> layers = new ArrayList<>();
            for (StreamMuxConfig.Layer l : p.layers()) {
                Map<String, Object> lm = new LinkedHashMap<>();
                lm.put("audioSpecificConfig", l.audioSpecificConfig() == null ? null : asc(l.audioSpecificConfig()));
                lm.put("frameLengthType", l.frameLengthType());
                lm.put("latmBufferFullness", l.latmBufferFullness());
                lm.put("frameLength", l.frameLength());
                lm.put("celpFrameLengthTableIndex", l.celpFrameLengthTableIndex());
                lm.put("hvxcFrameLengthTableIndex", l.hvxcFrameLengthTableIndex());
                layers.add(lm);
            }
            programs.add(Map.of("layers", layers));
        }
        m.put("programs", programs);
        m.put("otherDataPresent", c.otherDataLenBits() >= 0);
        m.put("crcCheckPresent", c.crcCheckSum() >= 0);
        return m;
    }
}
