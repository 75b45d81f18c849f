package io.rtsp4j.rtp.codec.mpegts;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.internal.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts the 188-byte transport stream packets of each RTP packet (RFC 2250 section 2). The payload must be a
 * whole number of TS packets, each starting with the sync byte 0x47.
 */
public final class MpegTsDepacketizer implements Depacketizer<List<byte[]>> {

    /** Creates a depacketizer. */
    public MpegTsDepacketizer() {
    }

    @Override
    public List<byte[]> depacketize(RtpPacket packet) throws RtpCodecException {
        ByteBuf p = packet.payload();
        int len = p.readableBytes();
        if (len == 0 || len % MpegTsPacketizer.TS_PACKET_SIZE != 0) {
            throw RtpCodecException.malformed("payload of " + len + " bytes is not a whole number of 188-byte TS"
                    + " packets");
        }
        List<byte[]> out = new ArrayList<>(len / MpegTsPacketizer.TS_PACKET_SIZE);
        for (int pos = 0; pos < len; pos += MpegTsPacketizer.TS_PACKET_SIZE) {
            if (Bytes.u8(p, pos) != 0x47) {
                throw RtpCodecException.malformed("TS packet at offset " + pos + " lacks the 0x47 sync byte");
            }
            out.add(Bytes.copy(p, pos, MpegTsPacketizer.TS_PACKET_SIZE));
        }
        return out;
    }

    @Override
    public void reset() {
    }
}
