package io.rtsp4j.testing;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty's leak detector reported a leaked {@code ByteBuf} while it ran.
 *
 * <p>Registered for every test through {@code META-INF/services} (JUnit's extension autodetection is
 * switched on by the build). The build runs tests with {@code -Dio.netty.leakDetection.level=paranoid}, so
 * every buffer is tracked. Netty only reports a leak when the leaked buffer has been garbage collected and a
 * later allocation polls the reference queue; after each class this extension therefore runs the collector
 * and allocates a few buffers before it looks at what was reported.
 */
public final class NettyLeakExtension implements AfterAllCallback {

    private static final List<String> LEAKS = new ArrayList<>();

    static {
        try {
            // AbstractByteBuf keeps its detector in a private static field; the detector's public
            // setLeakListener is the hook Netty offers for exactly this use.
            Field field = AbstractByteBuf.class.getDeclaredField("leakDetector");
            field.setAccessible(true);
            ResourceLeakDetector<?> detector = (ResourceLeakDetector<?>) field.get(null);
            detector.setLeakListener((resourceType, records) -> {
                synchronized (LEAKS) {
                    LEAKS.add(resourceType + ": " + records);
                }
            });
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError("cannot hook Netty's leak detector: " + e);
        }
    }

    /** Creates the extension (JUnit does this through the service loader). */
    public NettyLeakExtension() {
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        List<String> found = collect();
        if (!found.isEmpty()) {
            throw new AssertionError("Netty reported " + found.size() + " leaked buffer(s) during "
                    + context.getDisplayName() + ":\n" + String.join("\n", found));
        }
    }

    /**
     * Forces the leak detector to look at the buffers collected so far and returns (and forgets) what it
     * reported.
     *
     * @return the leak reports since the previous call
     * @throws InterruptedException if interrupted while waiting for the collector
     */
    public static List<String> collect() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            System.runFinalization();
            Thread.sleep(20);
            // Allocation is what makes the detector drain its reference queue.
            for (int j = 0; j < 8; j++) {
                ByteBuf a = UnpooledByteBufAllocator.DEFAULT.buffer(16);
                a.release();
                ByteBuf b = PooledByteBufAllocator.DEFAULT.buffer(16);
                b.release();
                ByteBuf c = PooledByteBufAllocator.DEFAULT.directBuffer(16);
                c.release();
            }
        }
        synchronized (LEAKS) {
            List<String> copy = new ArrayList<>(LEAKS);
            LEAKS.clear();
            return copy;
        }
    }
}
