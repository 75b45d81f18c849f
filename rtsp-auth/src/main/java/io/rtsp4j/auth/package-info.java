/**
 * Basic and Digest (MD5, SHA-256) authentication for RTSP.
 *
 * <p>Server side: an immutable {@link io.rtsp4j.auth.AuthVerifier} per server produces the
 * {@code WWW-Authenticate} challenges for a connection's {@link io.rtsp4j.auth.NonceScope} and checks
 * {@code Authorization} headers, synchronously against a user and password or asynchronously through a
 * {@link io.rtsp4j.auth.CredentialLookup} that may return a precomputed HA1 instead of a password
 * ({@link io.rtsp4j.auth.StoredCredential}). The outcome is an {@link io.rtsp4j.auth.AuthResult}.
 *
 * <p>Client side: {@link io.rtsp4j.auth.AuthSender} answers the challenges of a 401 response.
 */
package io.rtsp4j.auth;
