/**
 * Per-stream RTCP logic: {@link io.rtsp4j.rtp.report.RtcpSender} builds sender reports for an outgoing
 * stream, {@link io.rtsp4j.rtp.report.RtcpReceiver} tracks loss, jitter and ordering of an incoming stream and
 * builds receiver reports. Neither starts threads: the caller feeds packets and decides when to emit reports
 * (or uses {@link io.rtsp4j.rtp.report.RtcpReportScheduler}).
 */
package io.rtsp4j.rtp.report;
