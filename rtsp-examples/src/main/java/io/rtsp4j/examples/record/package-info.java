/**
 * Example: record a published H.264/H.265 stream into an Annex-B file
 * ({@link io.rtsp4j.examples.record.AnnexBRecorder}).
 */
package io.rtsp4j.examples.record;
