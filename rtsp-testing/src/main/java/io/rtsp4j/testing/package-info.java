/** Test support shared by the rtsp4j modules: corpus access and Netty leak checks. Not a public API. */
package io.rtsp4j.testing;
