/** The rtsp4j RTSP server. */
module io.rtsp4j.server {
    requires transitive io.rtsp4j.base;
    requires transitive io.rtsp4j.sdp;
    requires transitive io.rtsp4j.rtp;
    requires transitive io.rtsp4j.auth;
    requires transitive io.rtsp4j.srtp;
    requires transitive io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.codec;
    requires io.netty.handler;
    requires io.netty.codec.http;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.unix.common;
    requires org.slf4j;

    exports io.rtsp4j.server;
}
