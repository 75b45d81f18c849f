/**
 * Helpers shared by the packages of this module; not exported, not API.
 */
package io.rtsp4j.base.internal;
