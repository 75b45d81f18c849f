package io.rtsp4j.rtp.codec;

import io.rtsp4j.rtp.codec.ac3.Ac3Depacketizer;
import io.rtsp4j.rtp.codec.ac3.Ac3Packetizer;
import io.rtsp4j.rtp.codec.av1.Av1Depacketizer;
import io.rtsp4j.rtp.codec.av1.Av1Packetizer;
import io.rtsp4j.rtp.codec.h264.H264Depacketizer;
import io.rtsp4j.rtp.codec.h264.H264Packetizer;
import io.rtsp4j.rtp.codec.h265.H265Depacketizer;
import io.rtsp4j.rtp.codec.h265.H265Packetizer;
import io.rtsp4j.rtp.codec.klv.KlvDepacketizer;
import io.rtsp4j.rtp.codec.klv.KlvPacketizer;
import io.rtsp4j.rtp.codec.latm.LatmDepacketizer;
import io.rtsp4j.rtp.codec.latm.LatmPacketizer;
import io.rtsp4j.rtp.codec.lpcm.LpcmDepacketizer;
import io.rtsp4j.rtp.codec.lpcm.LpcmPacketizer;
import io.rtsp4j.rtp.codec.mjpeg.MjpegDepacketizer;
import io.rtsp4j.rtp.codec.mjpeg.MjpegPacketizer;
import io.rtsp4j.rtp.codec.mpeg1audio.Mpeg1AudioDepacketizer;
import io.rtsp4j.rtp.codec.mpeg1audio.Mpeg1AudioPacketizer;
import io.rtsp4j.rtp.codec.mpeg1video.Mpeg1VideoDepacketizer;
import io.rtsp4j.rtp.codec.mpeg1video.Mpeg1VideoPacketizer;
import io.rtsp4j.rtp.codec.mpeg4audio.Mpeg4AudioDepacketizer;
import io.rtsp4j.rtp.codec.mpeg4audio.Mpeg4AudioPacketizer;
import io.rtsp4j.rtp.codec.mpegts.MpegTsDepacketizer;
import io.rtsp4j.rtp.codec.mpegts.MpegTsPacketizer;
import io.rtsp4j.rtp.codec.simpleaudio.SimpleAudioDepacketizer;
import io.rtsp4j.rtp.codec.simpleaudio.SimpleAudioPacketizer;
import io.rtsp4j.rtp.codec.vp8.Vp8Depacketizer;
import io.rtsp4j.rtp.codec.vp8.Vp8Packetizer;
import io.rtsp4j.rtp.codec.vp9.Vp9Depacketizer;
import io.rtsp4j.rtp.codec.vp9.Vp9Packetizer;
import java.util.LinkedHashMap;
import java.util.Map;

/** The codec adapters of the corpus files, keyed by file name (and by fuzz package name). */
public final class Codecs {

    /** Adapters by corpus file base name. */
    public static final Map<String, CodecAdapter> BY_FILE = new LinkedHashMap<>();

    static {
        add(new CodecAdapter("h264", "au", true,
                (c, e) -> new H264Packetizer(c, e.path("packetizationMode").asInt(1)),
                d -> new H264Depacketizer()));
        add(new CodecAdapter("h265", "au", true, (c, e) -> new H265Packetizer(c), d -> new H265Depacketizer()));
        add(new CodecAdapter("mpeg4audio", "aus", true,
                (c, e) -> new Mpeg4AudioPacketizer(c, e.path("sizeLength").asInt(13), e.path("indexLength").asInt(3),
                        e.path("indexDeltaLength").asInt(3), 1024),
                d -> new Mpeg4AudioDepacketizer(d.path("sizeLength").asInt(13), d.path("indexLength").asInt(3),
                        d.path("indexDeltaLength").asInt(3), Mpeg4AudioDepacketizer.DEFAULT_MAX_ACCESS_UNIT_SIZE)));
        add(new CodecAdapter("simpleaudio", "frame", false, (c, e) -> new SimpleAudioPacketizer(c),
                d -> new SimpleAudioDepacketizer()));
        add(new CodecAdapter("lpcm", "samples", false,
                (c, e) -> new LpcmPacketizer(c, e.path("bitDepth").asInt(), e.path("channelCount").asInt()),
                d -> new LpcmDepacketizer(d.path("bitDepth").asInt(16), d.path("channelCount").asInt(1))));
        add(new CodecAdapter("mpegts", "ts", true, (c, e) -> new MpegTsPacketizer(c), d -> new MpegTsDepacketizer()));
        add(new CodecAdapter("klv", "klvUnit", false, (c, e) -> new KlvPacketizer(c), d -> new KlvDepacketizer()));
        add(new CodecAdapter("ac3", "frames", true, (c, e) -> new Ac3Packetizer(c), d -> new Ac3Depacketizer()));
        add(new CodecAdapter("mpeg1audio", "frames", true, (c, e) -> new Mpeg1AudioPacketizer(c),
                d -> new Mpeg1AudioDepacketizer()));
        add(new CodecAdapter("mpeg1video", "frame", false, (c, e) -> new Mpeg1VideoPacketizer(c),
                d -> new Mpeg1VideoDepacketizer()));
        add(new CodecAdapter("fragmented", "frame", false, (c, e) -> new LatmPacketizer(c),
                d -> new LatmDepacketizer()));
        add(new CodecAdapter("vp8", "frame", false, (c, e) -> new Vp8Packetizer(c), d -> new Vp8Depacketizer()));
        add(new CodecAdapter("vp9", "frame", false,
                (c, e) -> new Vp9Packetizer(c, e.path("initialPictureId").asInt(0)), d -> new Vp9Depacketizer()));
        add(new CodecAdapter("mjpeg", "image", false, (c, e) -> new MjpegPacketizer(c),
                d -> new MjpegDepacketizer()));
        add(new CodecAdapter("av1", "obus", true, (c, e) -> new Av1Packetizer(c), d -> new Av1Depacketizer()));
    }

    private Codecs() {
    }

    private static void add(CodecAdapter a) {
        BY_FILE.put(a.file(), a);
    }
}
