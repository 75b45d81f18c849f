/**
 * Example: serve an Annex-B H.264 file in a loop as a live stream
 * ({@link io.rtsp4j.examples.file.AnnexBFileServer}).
 */
package io.rtsp4j.examples.file;
