package io.rtsp4j.base;

/**
 * Names of the RTSP headers of RFC 2326, RFC 7826 and RFC 4567, in their canonical spelling (the spelling
 * {@link RtspHeaders#canonicalName(String)} produces and the encoder writes).
 */
public final class RtspHeaderNames {

    private RtspHeaderNames() {
    }

    /** {@code Accept} (RFC 2326 §12.1). */
    public static final String ACCEPT = "Accept";

    /** {@code Accept-Encoding} (RFC 2326 §12.2). */
    public static final String ACCEPT_ENCODING = "Accept-Encoding";

    /** {@code Accept-Language} (RFC 2326 §12.3). */
    public static final String ACCEPT_LANGUAGE = "Accept-Language";

    /** {@code Accept-Ranges} (RFC 7826 §18.5). */
    public static final String ACCEPT_RANGES = "Accept-Ranges";

    /** {@code Allow} (RFC 2326 §12.4). */
    public static final String ALLOW = "Allow";

    /** {@code Authorization} (RFC 2326 §12.5). */
    public static final String AUTHORIZATION = "Authorization";

    /** {@code Bandwidth} (RFC 2326 §12.6). */
    public static final String BANDWIDTH = "Bandwidth";

    /** {@code Blocksize} (RFC 2326 §12.7). */
    public static final String BLOCKSIZE = "Blocksize";

    /** {@code Cache-Control} (RFC 2326 §12.8). */
    public static final String CACHE_CONTROL = "Cache-Control";

    /** {@code Conference} (RFC 2326 §12.9). */
    public static final String CONFERENCE = "Conference";

    /** {@code Connection} (RFC 2326 §12.10). */
    public static final String CONNECTION = "Connection";

    /** {@code Content-Base} (RFC 2326 §12.11). */
    public static final String CONTENT_BASE = "Content-Base";

    /** {@code Content-Encoding} (RFC 2326 §12.12). */
    public static final String CONTENT_ENCODING = "Content-Encoding";

    /** {@code Content-Language} (RFC 2326 §12.13). */
    public static final String CONTENT_LANGUAGE = "Content-Language";

    /** {@code Content-Length} (RFC 2326 §12.14). */
    public static final String CONTENT_LENGTH = "Content-Length";

    /** {@code Content-Location} (RFC 2326 §12.15). */
    public static final String CONTENT_LOCATION = "Content-Location";

    /** {@code Content-Type} (RFC 2326 §12.16). */
    public static final String CONTENT_TYPE = "Content-Type";

    /** {@code CSeq} (RFC 2326 §12.17). */
    public static final String CSEQ = "CSeq";

    /** {@code Date} (RFC 2326 §12.18). */
    public static final String DATE = "Date";

    /** {@code ETag} (RFC 7826 §18.20). */
    public static final String ETAG = "ETag";

    /** {@code Expires} (RFC 2326 §12.19). */
    public static final String EXPIRES = "Expires";

    /** {@code From} (RFC 2326 §12.20). */
    public static final String FROM = "From";

    /** {@code Host} (RFC 2326 §12.21). */
    public static final String HOST = "Host";

    /** {@code If-Match} (RFC 2326 §12.22). */
    public static final String IF_MATCH = "If-Match";

    /** {@code If-Modified-Since} (RFC 2326 §12.23). */
    public static final String IF_MODIFIED_SINCE = "If-Modified-Since";

    /** {@code KeyMgmt} (RFC 4567 §3.2). */
    public static final String KEY_MGMT = "KeyMgmt";

    /** {@code Last-Modified} (RFC 2326 §12.24). */
    public static final String LAST_MODIFIED = "Last-Modified";

    /** {@code Location} (RFC 2326 §12.25). */
    public static final String LOCATION = "Location";

    /** {@code Media-Properties} (RFC 7826 §18.29). */
    public static final String MEDIA_PROPERTIES = "Media-Properties";

    /** {@code Media-Range} (RFC 7826 §18.30). */
    public static final String MEDIA_RANGE = "Media-Range";

    /** {@code Notify-Reason} (RFC 7826 §18.32). */
    public static final String NOTIFY_REASON = "Notify-Reason";

    /** {@code Pipelined-Requests} (RFC 7826 §18.33). */
    public static final String PIPELINED_REQUESTS = "Pipelined-Requests";

    /** {@code Proxy-Authenticate} (RFC 2326 §12.26). */
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";

    /** {@code Proxy-Authorization} (RFC 7826 §18.36). */
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";

    /** {@code Proxy-Require} (RFC 2326 §12.27). */
    public static final String PROXY_REQUIRE = "Proxy-Require";

    /** {@code Proxy-Supported} (RFC 7826 §18.38). */
    public static final String PROXY_SUPPORTED = "Proxy-Supported";

    /** {@code Public} (RFC 2326 §12.28). */
    public static final String PUBLIC = "Public";

    /** {@code Range} (RFC 2326 §12.29). */
    public static final String RANGE = "Range";

    /** {@code Referer} (RFC 2326 §12.30). */
    public static final String REFERER = "Referer";

    /** {@code Request-Status} (RFC 7826 §18.42). */
    public static final String REQUEST_STATUS = "Request-Status";

    /** {@code Require} (RFC 2326 §12.32). */
    public static final String REQUIRE = "Require";

    /** {@code Retry-After} (RFC 2326 §12.31). */
    public static final String RETRY_AFTER = "Retry-After";

    /** {@code RTP-Info} (RFC 2326 §12.33). */
    public static final String RTP_INFO = "RTP-Info";

    /** {@code Scale} (RFC 2326 §12.34). */
    public static final String SCALE = "Scale";

    /** {@code Seek-Style} (RFC 7826 §18.47). */
    public static final String SEEK_STYLE = "Seek-Style";

    /** {@code Server} (RFC 2326 §12.36). */
    public static final String SERVER = "Server";

    /** {@code Session} (RFC 2326 §12.37). */
    public static final String SESSION = "Session";

    /** {@code Speed} (RFC 2326 §12.35). */
    public static final String SPEED = "Speed";

    /** {@code Supported} (RFC 7826 §18.51). */
    public static final String SUPPORTED = "Supported";

    /** {@code Terminate-Reason} (RFC 7826 §18.52). */
    public static final String TERMINATE_REASON = "Terminate-Reason";

    /** {@code Timestamp} (RFC 2326 §12.38). */
    public static final String TIMESTAMP = "Timestamp";

    /** {@code Transport} (RFC 2326 §12.39). */
    public static final String TRANSPORT = "Transport";

    /** {@code Unsupported} (RFC 2326 §12.40). */
    public static final String UNSUPPORTED = "Unsupported";

    /** {@code User-Agent} (RFC 2326 §12.41). */
    public static final String USER_AGENT = "User-Agent";

    /** {@code Vary} (RFC 2326 §12.42). */
    public static final String VARY = "Vary";

    /** {@code Via} (RFC 2326 §12.43). */
    public static final String VIA = "Via";

    /** {@code WWW-Authenticate} (RFC 2326 §12.44). */
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

}
