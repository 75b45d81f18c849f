package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.base.RtspStatus;
import org.junit.jupiter.api.Test;

/** The quick example of the README, run against the raw test client (a publisher and a reader over TCP). */
class ReadmeExampleTest {

    // --- README example starts here ---
    /** Relays what one publisher sends to any number of readers. */
    static final class OnePathRelay implements ServerHandler {
        volatile RtspServer server;
        private volatile ServerStream stream; // what is being published, or null

        @Override
        public Reply onAnnounce(RequestContext ctx) {
            stream = new ServerStream(server, ctx.description());
            return Reply.ok();
        }

        @Override
        public Reply onSetup(RequestContext ctx) {
            if (ctx.session().state() == ServerSessionState.PRE_RECORD) {
                return Reply.ok(); // the publisher sets up its medias
            }
            ServerStream s = stream;
            return s == null ? Reply.status(RtspStatus.NOT_FOUND) : Reply.ok(s);
        }

        @Override
        public Reply onRecord(RequestContext ctx) {
            ServerStream s = stream;
            ctx.session().onPacketRtpAny((media, format, packet) -> s.writeRtp(media, packet));
            return Reply.ok();
        }

        @Override
        public Reply onDescribe(RequestContext ctx) {
            ServerStream s = stream;
            return s == null ? Reply.status(RtspStatus.NOT_FOUND) : Reply.ok(s);
        }

        @Override
        public Reply onPlay(RequestContext ctx) {
            return Reply.ok();
        }

        @Override
        public void onSessionClose(ServerSession session, Throwable reason) {
            ServerStream s = stream;
            if (session.announcedDescription() != null && s != null) {
                stream = null;
                s.close(); // its readers are closed too
            }
        }
    }

    static RtspServer startRelay(String address) {
        OnePathRelay handler = new OnePathRelay();
        RtspServer server = new RtspServer(RtspServerConfig.builder()
                .rtspAddress(address)                        // e.g. ":8554"
                .udpAddresses("127.0.0.1:0", "127.0.0.1:0")  // e.g. ":8000", ":8001"
                .handler(handler)
                .build());
        handler.server = server;
        return server.start();
    }
    // --- README example ends here ---

    // The README's quick example works: a publisher's packets reach a reader.
    @Test
    void quickExampleRelays() throws Exception {
        RtspServer server = startRelay("127.0.0.1:0");
        try (RtspTestClient publisher = new RtspTestClient(server.rtspAddress());
             RtspTestClient reader = new RtspTestClient(server.rtspAddress())) {
            String url = publisher.url("/mystream");
            assertThat(reader.describe("/mystream").status()).isEqualTo(404);
            publisher.doAnnounce(url, Fixtures.h264Sdp("trackID=0"));
            String p = publisher.doSetup(url + "/trackID=0", "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record", null)
                    .session();
            publisher.doRecord(url, p);
            assertThat(reader.describe("/mystream").status()).isEqualTo(200);
            String r = reader.doSetup(url + "/trackID=0", "RTP/AVP/TCP;unicast;interleaved=0-1", null).session();
            reader.doPlay(url, r);
            publisher.sendFrame(0, Fixtures.rtp(96, 77, 0, 1, Fixtures.NON_IDR));
            assertThat(Fixtures.sequenceNumber(reader.readFrame(0).payload())).isEqualTo(77);
            publisher.close();
            assertThat(reader.awaitClosed()).isTrue(); // the publisher left: its readers are closed
        } finally {
            server.close();
        }
    }
}
