/** The relay server: publishers on paths, readers of those paths. */
package io.rtsp4j.examples.relay;
