/** The {@code rtsp4j} command line tool. */
package io.rtsp4j.examples.cli;
