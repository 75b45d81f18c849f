/**
 * Implementation helpers shared by the packages of this module. Not exported.
 */
package io.rtsp4j.rtp.internal;
