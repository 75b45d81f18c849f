package io.rtsp4j.rtp.codec;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.codec.ac3.Ac3Depacketizer;
import io.rtsp4j.rtp.codec.ac3.Ac3Packetizer;
import io.rtsp4j.rtp.codec.av1.Av1Depacketizer;
import io.rtsp4j.rtp.codec.av1.Av1Packetizer;
import io.rtsp4j.rtp.codec.h264.H264Depacketizer;
import io.rtsp4j.rtp.codec.h264.H264Packetizer;
import io.rtsp4j.rtp.codec.h264.H264Payloads;
import io.rtsp4j.rtp.codec.h265.H265Depacketizer;
import io.rtsp4j.rtp.codec.h265.H265Packetizer;
import io.rtsp4j.rtp.codec.h265.H265Payloads;
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
import io.rtsp4j.sdp.format.Ac3Format;
import io.rtsp4j.sdp.format.Av1Format;
import io.rtsp4j.sdp.format.G711Format;
import io.rtsp4j.sdp.format.G722Format;
import io.rtsp4j.sdp.format.H264Format;
import io.rtsp4j.sdp.format.H265Format;
import io.rtsp4j.sdp.format.KlvFormat;
import io.rtsp4j.sdp.format.LpcmFormat;
import io.rtsp4j.sdp.format.MediaFormat;
import io.rtsp4j.sdp.format.MjpegFormat;
import io.rtsp4j.sdp.format.Mpeg1AudioFormat;
import io.rtsp4j.sdp.format.Mpeg1VideoFormat;
import io.rtsp4j.sdp.format.Mpeg4AudioFormat;
import io.rtsp4j.sdp.format.Mpeg4AudioLatmFormat;
import io.rtsp4j.sdp.format.MpegTsFormat;
import io.rtsp4j.sdp.format.OpusFormat;
import io.rtsp4j.sdp.format.Vp8Format;
import io.rtsp4j.sdp.format.Vp9Format;

/**
 * Connects the SDP media formats of {@code io.rtsp4j.sdp.format} to this module's payload formats: the packetizer
 * and depacketizer of a format with its fmtp settings applied, and the PTS==DTS detection a server needs per
 * packet.
 */
public final class RtpFormats {

    private RtpFormats() {
    }

    /**
     * Whether this module can packetize and depacketize the format.
     *
     * @param format an SDP media format
     * @return false for formats without an RTP payload implementation here (Generic, G.726, Speex, Vorbis,
     *         MPEG-4 Video)
     */
    public static boolean isSupported(MediaFormat format) {
        return format instanceof H264Format || format instanceof H265Format || format instanceof Mpeg4AudioFormat
                || format instanceof Mpeg4AudioLatmFormat || format instanceof OpusFormat
                || format instanceof G711Format || format instanceof G722Format || format instanceof LpcmFormat
                || format instanceof MpegTsFormat || format instanceof MjpegFormat || format instanceof Av1Format
                || format instanceof Vp8Format || format instanceof Vp9Format || format instanceof Mpeg1AudioFormat
                || format instanceof Mpeg1VideoFormat || format instanceof Ac3Format || format instanceof KlvFormat;
    }

    /**
     * A packetizer for the format; the format's payload type is used unless {@code config} sets one.
     *
     * @param format an SDP media format
     * @param config SSRC, initial sequence number, max payload size
     * @return the packetizer (its unit type is documented on each packetizer class)
     * @throws IllegalArgumentException if the format is not {@linkplain #isSupported supported} or its settings
     *         cannot be packetized (H.264 packetization-mode 2, H.265 DONL)
     */
    public static Packetizer<?> packetizer(MediaFormat format, PacketizerConfig config) {
        PacketizerConfig c = config.payloadType() == PacketizerConfig.FORMAT_DEFAULT_PAYLOAD_TYPE
                ? PacketizerConfig.builder().payloadType(format.payloadType()).ssrc(config.ssrc())
                        .initialSequenceNumber(config.initialSequenceNumber())
                        .maxPayloadSize(config.maxPayloadSize()).build()
                : config;
        if (format instanceof H264Format f) {
            return new H264Packetizer(c, f.packetizationMode());
        } else if (format instanceof H265Format f) {
            if (f.maxDonDiff() != 0) {
                throw new IllegalArgumentException("H.265 with sprop-max-don-diff != 0 is not supported");
            }
            return new H265Packetizer(c);
        } else if (format instanceof Mpeg4AudioFormat f) {
            return new Mpeg4AudioPacketizer(c, f.sizeLength(), f.indexLength(), f.indexDeltaLength(),
                    Mpeg4AudioPacketizer.DEFAULT_SAMPLES_PER_ACCESS_UNIT);
        } else if (format instanceof Mpeg4AudioLatmFormat) {
            return new LatmPacketizer(c);
        } else if (format instanceof OpusFormat || format instanceof G722Format) {
            return new SimpleAudioPacketizer(c);
        } else if (format instanceof G711Format f) {
            return new LpcmPacketizer(c, 8, f.channelCount());
        } else if (format instanceof LpcmFormat f) {
            return new LpcmPacketizer(c, f.bitDepth(), f.channelCount());
        } else if (format instanceof MpegTsFormat) {
            return new MpegTsPacketizer(c);
        } else if (format instanceof MjpegFormat) {
            return new MjpegPacketizer(c);
        } else if (format instanceof Av1Format) {
            return new Av1Packetizer(c);
        } else if (format instanceof Vp8Format) {
            return new Vp8Packetizer(c);
        } else if (format instanceof Vp9Format) {
            return new Vp9Packetizer(c);
        } else if (format instanceof Mpeg1AudioFormat) {
            return new Mpeg1AudioPacketizer(c);
        } else if (format instanceof Mpeg1VideoFormat) {
            return new Mpeg1VideoPacketizer(c);
        } else if (format instanceof Ac3Format) {
            return new Ac3Packetizer(c);
        } else if (format instanceof KlvFormat) {
            return new KlvPacketizer(c);
        }
        throw new IllegalArgumentException("no RTP payload implementation for codec " + format.codec());
    }

    /**
     * A depacketizer for the format with the default limits.
     *
     * @param format an SDP media format
     * @return the depacketizer (its unit type is documented on each depacketizer class)
     * @throws IllegalArgumentException if the format is not {@linkplain #isSupported supported}
     */
    public static Depacketizer<?> depacketizer(MediaFormat format) {
        if (format instanceof H264Format) {
            return new H264Depacketizer();
        } else if (format instanceof H265Format f) {
            if (f.maxDonDiff() != 0) {
                throw new IllegalArgumentException("H.265 with sprop-max-don-diff != 0 is not supported");
            }
            return new H265Depacketizer();
        } else if (format instanceof Mpeg4AudioFormat f) {
            return new Mpeg4AudioDepacketizer(f.sizeLength(), f.indexLength(), f.indexDeltaLength(),
                    Mpeg4AudioDepacketizer.DEFAULT_MAX_ACCESS_UNIT_SIZE);
        } else if (format instanceof Mpeg4AudioLatmFormat) {
            return new LatmDepacketizer();
        } else if (format instanceof OpusFormat || format instanceof G722Format) {
            return new SimpleAudioDepacketizer();
        } else if (format instanceof G711Format f) {
            return new LpcmDepacketizer(8, f.channelCount());
        } else if (format instanceof LpcmFormat f) {
            return new LpcmDepacketizer(f.bitDepth(), f.channelCount());
        } else if (format instanceof MpegTsFormat) {
            return new MpegTsDepacketizer();
        } else if (format instanceof MjpegFormat) {
            return new MjpegDepacketizer();
        } else if (format instanceof Av1Format) {
            return new Av1Depacketizer();
        } else if (format instanceof Vp8Format) {
            return new Vp8Depacketizer();
        } else if (format instanceof Vp9Format) {
            return new Vp9Depacketizer();
        } else if (format instanceof Mpeg1AudioFormat) {
            return new Mpeg1AudioDepacketizer();
        } else if (format instanceof Mpeg1VideoFormat) {
            return new Mpeg1VideoDepacketizer();
        } else if (format instanceof Ac3Format) {
            return new Ac3Depacketizer();
        } else if (format instanceof KlvFormat) {
            return new KlvDepacketizer();
        }
        throw new IllegalArgumentException("no RTP payload implementation for codec " + format.codec());
    }

    /**
     * Whether a packet's PTS equals its DTS: for H.264 and H.265 only random access points (IDR/CRA pictures and
     * parameter sets), for every other format always (no frame reordering). Never fails.
     *
     * @param format the SDP media format of the stream
     * @param payload the RTP payload (indexes unchanged)
     * @return true when the packet can anchor timing (first SR, RTP-Info, jitter, PTS decoding)
     */
    public static boolean ptsEqualsDts(MediaFormat format, ByteBuf payload) {
        return ptsEqualsDts(format, payload, payload.readerIndex(), payload.readableBytes());
    }

    /**
     * Same as {@link #ptsEqualsDts(MediaFormat, ByteBuf)} for a payload inside a raw datagram.
     *
     * @param format the SDP media format of the stream
     * @param buf the buffer (indexes unchanged)
     * @param off absolute index of the first payload byte
     * @param len payload length
     * @return true when the packet can anchor timing
     */
    public static boolean ptsEqualsDts(MediaFormat format, ByteBuf buf, int off, int len) {
        if (format instanceof H264Format) {
            return H264Payloads.ptsEqualsDts(buf, off, len);
        }
        if (format instanceof H265Format) {
            return H265Payloads.ptsEqualsDts(buf, off, len);
        }
        return true;
    }
}
