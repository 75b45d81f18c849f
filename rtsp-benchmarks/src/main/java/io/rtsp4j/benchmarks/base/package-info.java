/** JMH benchmarks of the rtsp-base codec. */
package io.rtsp4j.benchmarks.base;
