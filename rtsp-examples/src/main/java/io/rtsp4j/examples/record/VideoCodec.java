package io.rtsp4j.examples.record;

import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.h264.H264Depacketizer;
import io.rtsp4j.rtp.codec.h264.H264Payloads;
import io.rtsp4j.rtp.codec.h265.H265Depacketizer;
import io.rtsp4j.rtp.codec.h265.H265Payloads;
import io.rtsp4j.sdp.format.H264Format;
import io.rtsp4j.sdp.format.H265Format;
import io.rtsp4j.sdp.format.MediaFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * What the recorder needs to know about H.264 and H.265: which NAL units are parameter sets, which access units
 * a decoder can start from, and the parameter sets announced out of band (in the SDP).
 */
enum VideoCodec {

    /** H.264 (RFC 6184): SPS 7, PPS 8, IDR 5; NAL type in the low 5 bits of the first byte. */
    H264 {
        @Override
        int nalType(byte[] nalu) {
            return nalu[0] & 0x1F;
        }

        @Override
        boolean isParameterSet(int type) {
            return type == H264Payloads.NAL_SPS || type == H264Payloads.NAL_PPS;
        }

        @Override
        boolean isRandomAccess(int type) {
            return type == H264Payloads.NAL_IDR;
        }

        @Override
        Depacketizer<List<byte[]>> depacketizer() {
            return new H264Depacketizer();
        }

        @Override
        List<byte[]> parameterSets(MediaFormat format) {
            H264Format f = (H264Format) format;
            return nonEmpty(f.sps(), f.pps());
        }
    },

    /** H.265 (RFC 7798): VPS 32, SPS 33, PPS 34, IRAP 16..21; NAL type in bits 1..6 of the first byte. */
    H265 {
        @Override
        int nalType(byte[] nalu) {
            return H265Payloads.nalUnitType(nalu[0]);
        }

        @Override
        boolean isParameterSet(int type) {
            return type == H265Payloads.NAL_VPS || type == H265Payloads.NAL_SPS || type == H265Payloads.NAL_PPS;
        }

        @Override
        boolean isRandomAccess(int type) {
            // BLA_W_LP (16) .. CRA (21): intra random access points
            return type >= 16 && type <= H265Payloads.NAL_CRA;
        }

        @Override
        Depacketizer<List<byte[]>> depacketizer() {
            return new H265Depacketizer();
        }

        @Override
        List<byte[]> parameterSets(MediaFormat format) {
            H265Format f = (H265Format) format;
            return nonEmpty(f.vps(), f.sps(), f.pps());
        }
    };

    abstract int nalType(byte[] nalu);

    abstract boolean isParameterSet(int type);

    abstract boolean isRandomAccess(int type);

    abstract Depacketizer<List<byte[]>> depacketizer();

    /** The parameter sets of the SDP, in decoding order (may be empty when the publisher sends them in band). */
    abstract List<byte[]> parameterSets(MediaFormat format);

    /** The codec of a format, or null when it is neither H.264 nor H.265. */
    static VideoCodec of(MediaFormat format) {
        if (format instanceof H264Format) {
            return H264;
        }
        if (format instanceof H265Format) {
            return H265;
        }
        return null;
    }

    private static List<byte[]> nonEmpty(byte[]... sets) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] s : sets) {
            if (s != null && s.length > 0) {
                out.add(s);
            }
        }
        return out;
    }
}
