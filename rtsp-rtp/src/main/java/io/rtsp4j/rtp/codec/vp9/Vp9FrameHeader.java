package io.rtsp4j.rtp.codec.vp9;

import io.rtsp4j.rtp.internal.BitReader;

/**
 * The parts of a VP9 uncompressed frame header (VP9 bitstream specification section 6.2) needed for RTP: whether
 * the frame is a key frame and, for key frames, its size.
 *
 * @param keyFrame whether the frame is a key frame
 * @param width the frame width (key frames only, else 0)
 * @param height the frame height (key frames only, else 0)
 */
public record Vp9FrameHeader(boolean keyFrame, int width, int height) {

    /**
     * Parses the beginning of a frame.
     *
     * @param frame the frame bytes
     * @return the header, or null if the bytes are not a VP9 frame header
     */
    public static Vp9FrameHeader parse(byte[] frame) {
        try {
            BitReader r = new BitReader(frame, 0, frame.length);
            if (r.read(2) != 2) {
                return null; // frame_marker
            }
            int profile = (int) (r.read(1) | r.read(1) << 1);
            if (profile == 3) {
                r.skip(1); // reserved_zero
            }
            if (r.read(1) == 1) { // show_existing_frame
                return new Vp9FrameHeader(false, 0, 0);
            }
            boolean keyFrame = r.read(1) == 0;
            r.skip(2); // show_frame, error_resilient_mode
            if (!keyFrame) {
                return new Vp9FrameHeader(false, 0, 0);
            }
            if (r.read(24) != 0x498342) {
                return null; // frame_sync_code
            }
            if (profile >= 2) {
                r.skip(1); // ten_or_twelve_bit
            }
            int colorSpace = (int) r.read(3);
            if (colorSpace != 7) { // not CS_RGB
                r.skip(1); // color_range
                if (profile == 1 || profile == 3) {
                    r.skip(3); // subsampling_x, subsampling_y, reserved_zero
                }
            } else if (profile == 1 || profile == 3) {
                r.skip(1); // reserved_zero
            }
            int width = (int) r.read(16) + 1;
            int height = (int) r.read(16) + 1;
            return new Vp9FrameHeader(true, width, height);
        } catch (IllegalStateException e) {
            return null; // truncated
        }
    }
}
