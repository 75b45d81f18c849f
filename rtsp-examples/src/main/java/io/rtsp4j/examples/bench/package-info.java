/**
 * {@code rtsp4j bench}: a load tool for RTSP relays. One publisher sends a paced H264 stream whose payloads carry a
 * sequence number and a send timestamp; N readers count packets, gaps and one-way latency; the result is one
 * JSON object. Only standard RTSP is used, so the same tool measures any relay.
 */
package io.rtsp4j.examples.bench;
