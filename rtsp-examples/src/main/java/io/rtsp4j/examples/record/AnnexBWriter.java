package io.rtsp4j.examples.record;

import io.rtsp4j.rtp.codec.AnnexB;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns access units into an Annex-B byte stream that a decoder can play from its first byte: nothing is written
 * before the first random-access unit (a decoder could not use it), and the latest parameter sets are written in
 * front of a random-access unit that does not carry them itself (publishers that send them only in the SDP, like
 * many cameras). Not thread-safe.
 */
final class AnnexBWriter {

    private final VideoCodec codec;
    private final OutputStream out;
    /** The latest parameter sets, by NAL type (SDP first, then in band). */
    private final List<byte[]> parameterSets = new ArrayList<>();
    private boolean started;
    private long accessUnits;
    private long bytes;

    AnnexBWriter(VideoCodec codec, List<byte[]> outOfBandParameterSets, OutputStream out) {
        this.codec = codec;
        this.out = out;
        outOfBandParameterSets.forEach(this::rememberParameterSet);
    }

    /**
     * Writes one access unit (NAL units without start codes), or drops it while waiting for a random-access unit.
     *
     * @return true if written
     */
    boolean write(List<byte[]> accessUnit) throws IOException {
        boolean randomAccess = false;
        boolean carriesParameterSets = false;
        for (byte[] nalu : accessUnit) {
            int type = codec.nalType(nalu);
            if (codec.isParameterSet(type)) {
                carriesParameterSets = true;
                rememberParameterSet(nalu);
            } else if (codec.isRandomAccess(type)) {
                randomAccess = true;
            }
        }
        if (!started && !randomAccess) {
            return false;
        }
        List<byte[]> units = accessUnit;
        if (randomAccess && !carriesParameterSets && !parameterSets.isEmpty()) {
            units = new ArrayList<>(parameterSets);
            units.addAll(accessUnit);
        }
        byte[] data = AnnexB.join(units);
        out.write(data);
        started = true;
        accessUnits++;
        bytes += data.length;
        return true;
    }

    /** Forget the stream position after lost packets: wait for the next random-access unit. */
    void resync() {
        started = false;
    }

    long accessUnits() {
        return accessUnits;
    }

    long bytes() {
        return bytes;
    }

    private void rememberParameterSet(byte[] nalu) {
        int type = codec.nalType(nalu);
        parameterSets.removeIf(p -> codec.nalType(p) == type);
        parameterSets.add(nalu.clone());
        // decoding order: VPS, SPS, PPS (their NAL types are ascending in both codecs)
        parameterSets.sort((a, b) -> Integer.compare(codec.nalType(a), codec.nalType(b)));
    }
}
