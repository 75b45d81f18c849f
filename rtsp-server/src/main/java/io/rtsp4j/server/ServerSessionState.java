package io.rtsp4j.server;

/**
 * The states of a {@link ServerSession}.
 *
 * <pre>
 * INITIAL --ANNOUNCE--&gt; PRE_RECORD --RECORD--&gt; RECORD --PAUSE--&gt; PRE_RECORD
 * INITIAL --SETUP----&gt; PRE_PLAY   --PLAY----&gt; PLAY   --PAUSE--&gt; PRE_PLAY
 * </pre>
 * A session never switches between playing and recording. TEARDOWN, timeouts and {@code close()} end it in any
 * state.
 */
public enum ServerSessionState {
    /** Created by the first ANNOUNCE or SETUP; nothing set up yet. */
    INITIAL,
    /** At least one media set up for reading; PLAY not received yet (or paused). */
    PRE_PLAY,
    /** Playing: the stream's packets are delivered to the client. */
    PLAY,
    /** Announced (and possibly some medias set up) for publishing; RECORD not received yet (or paused). */
    PRE_RECORD,
    /** Recording: the client's packets are received. */
    RECORD
}
