package io.rtsp4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves that the build's leak guard sees a leaked buffer (otherwise every "no leak" verdict is worthless). */
class NettyLeakExtensionTest {

    @Test
    void reportsALeakedBuffer() throws InterruptedException {
        leak();
        // collect() returns and forgets the reports, so this class itself does not fail in afterAll.
        List<String> reports = NettyLeakExtension.collect();
        assertThat(reports).as("leak reports").isNotEmpty();
        assertThat(String.join("\n", reports)).contains("ByteBuf");
    }

    @Test
    void reportsNothingWhenBuffersAreReleased() throws InterruptedException {
        NettyLeakExtension.collect();
        for (int i = 0; i < 10; i++) {
            ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(64).writeInt(i);
            b.release();
        }
        assertThat(NettyLeakExtension.collect()).isEmpty();
    }

    private static void leak() {
        for (int i = 0; i < 10; i++) {
            PooledByteBufAllocator.DEFAULT.directBuffer(64).writeInt(i);
        }
    }
}
