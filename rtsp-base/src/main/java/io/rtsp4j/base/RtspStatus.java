package io.rtsp4j.base;

import io.rtsp4j.base.internal.Tokens;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RTSP status code with its reason phrase.
 *
 * <p>The constants cover every status code of RFC 2326 and RFC 7826, plus {@code 463 Key Management
 * Failure} of RFC 4567 (RFC 7826 later gave 463 another meaning). Reason phrases are those of RFC 2326 where
 * it defines the code. Two statuses are equal when their codes are equal: the reason phrase is informative
 * only (RFC 2326 §7.1.1), so a received {@code 200 Fine} equals {@link #OK}.
 */
public final class RtspStatus {

    /** {@code 100 Continue} (RFC 2326 §7.1.1, RFC 7826 §17.1.1). */
    public static final RtspStatus CONTINUE = new RtspStatus(100, "Continue");
    /** {@code 200 OK} (RFC 2326 §7.1.1). */
    public static final RtspStatus OK = new RtspStatus(200, "OK");
    /** {@code 201 Created} (RFC 2326 §7.1.1). */
    public static final RtspStatus CREATED = new RtspStatus(201, "Created");
    /** {@code 250 Low on Storage Space} (RFC 2326 §11.3.1). */
    public static final RtspStatus LOW_ON_STORAGE_SPACE = new RtspStatus(250, "Low on Storage Space");
    /** {@code 300 Multiple Choices} (RFC 2326 §7.1.1). */
    public static final RtspStatus MULTIPLE_CHOICES = new RtspStatus(300, "Multiple Choices");
    /** {@code 301 Moved Permanently} (RFC 2326 §7.1.1). */
    public static final RtspStatus MOVED_PERMANENTLY = new RtspStatus(301, "Moved Permanently");
    /** {@code 302 Moved Temporarily} (RFC 2326 §7.1.1; RFC 7826 calls it {@code Found}, see {@link #FOUND}). */
    public static final RtspStatus MOVED_TEMPORARILY = new RtspStatus(302, "Moved Temporarily");
    /** {@code 302 Found} (RFC 7826 §17.3.3): the RTSP 2.0 name of {@link #MOVED_TEMPORARILY}, equal to it. */
    public static final RtspStatus FOUND = new RtspStatus(302, "Found");
    /** {@code 303 See Other} (RFC 2326 §7.1.1). */
    public static final RtspStatus SEE_OTHER = new RtspStatus(303, "See Other");
    /** {@code 304 Not Modified} (RFC 2326 §7.1.1). */
    public static final RtspStatus NOT_MODIFIED = new RtspStatus(304, "Not Modified");
    /** {@code 305 Use Proxy} (RFC 2326 §7.1.1). */
    public static final RtspStatus USE_PROXY = new RtspStatus(305, "Use Proxy");
    /** {@code 400 Bad Request} (RFC 2326 §7.1.1). */
    public static final RtspStatus BAD_REQUEST = new RtspStatus(400, "Bad Request");
    /** {@code 401 Unauthorized} (RFC 2326 §7.1.1). */
    public static final RtspStatus UNAUTHORIZED = new RtspStatus(401, "Unauthorized");
    /** {@code 402 Payment Required} (RFC 2326 §7.1.1). */
    public static final RtspStatus PAYMENT_REQUIRED = new RtspStatus(402, "Payment Required");
    /** {@code 403 Forbidden} (RFC 2326 §7.1.1). */
    public static final RtspStatus FORBIDDEN = new RtspStatus(403, "Forbidden");
    /** {@code 404 Not Found} (RFC 2326 §7.1.1). */
    public static final RtspStatus NOT_FOUND = new RtspStatus(404, "Not Found");
    /** {@code 405 Method Not Allowed} (RFC 2326 §7.1.1). */
    public static final RtspStatus METHOD_NOT_ALLOWED = new RtspStatus(405, "Method Not Allowed");
    /** {@code 406 Not Acceptable} (RFC 2326 §7.1.1). */
    public static final RtspStatus NOT_ACCEPTABLE = new RtspStatus(406, "Not Acceptable");
    /** {@code 407 Proxy Authentication Required} (RFC 2326 §7.1.1). */
    public static final RtspStatus PROXY_AUTHENTICATION_REQUIRED = new RtspStatus(407, "Proxy Authentication Required");
    /** {@code 408 Request Time-out} (RFC 2326 §7.1.1). */
    public static final RtspStatus REQUEST_TIMEOUT = new RtspStatus(408, "Request Time-out");
    /** {@code 410 Gone} (RFC 2326 §7.1.1). */
    public static final RtspStatus GONE = new RtspStatus(410, "Gone");
    /** {@code 411 Length Required} (RFC 2326 §7.1.1). */
    public static final RtspStatus LENGTH_REQUIRED = new RtspStatus(411, "Length Required");
    /** {@code 412 Precondition Failed} (RFC 2326 §7.1.1). */
    public static final RtspStatus PRECONDITION_FAILED = new RtspStatus(412, "Precondition Failed");
    /** {@code 413 Request Entity Too Large} (RFC 2326 §7.1.1; RFC 7826: Request Message Body Too Large). */
    public static final RtspStatus REQUEST_ENTITY_TOO_LARGE = new RtspStatus(413, "Request Entity Too Large");
    /** {@code 414 Request-URI Too Large} (RFC 2326 §7.1.1; RFC 7826: Request-URI Too Long). */
    public static final RtspStatus REQUEST_URI_TOO_LARGE = new RtspStatus(414, "Request-URI Too Large");
    /** {@code 415 Unsupported Media Type} (RFC 2326 §7.1.1). */
    public static final RtspStatus UNSUPPORTED_MEDIA_TYPE = new RtspStatus(415, "Unsupported Media Type");
    /** {@code 451 Parameter Not Understood} (RFC 2326 §11.3.2). */
    public static final RtspStatus PARAMETER_NOT_UNDERSTOOD = new RtspStatus(451, "Parameter Not Understood");
    /** {@code 452 Conference Not Found} (RFC 2326 §11.3.3; reserved in RFC 7826). */
    public static final RtspStatus CONFERENCE_NOT_FOUND = new RtspStatus(452, "Conference Not Found");
    /** {@code 453 Not Enough Bandwidth} (RFC 2326 §11.3.4). */
    public static final RtspStatus NOT_ENOUGH_BANDWIDTH = new RtspStatus(453, "Not Enough Bandwidth");
    /** {@code 454 Session Not Found} (RFC 2326 §11.3.5). */
    public static final RtspStatus SESSION_NOT_FOUND = new RtspStatus(454, "Session Not Found");
    /** {@code 455 Method Not Valid in This State} (RFC 2326 §11.3.6). */
    public static final RtspStatus METHOD_NOT_VALID_IN_THIS_STATE = new RtspStatus(455, "Method Not Valid in This State");
    /** {@code 456 Header Field Not Valid for Resource} (RFC 2326 §11.3.7). */
    public static final RtspStatus HEADER_FIELD_NOT_VALID_FOR_RESOURCE = new RtspStatus(456, "Header Field Not Valid for Resource");
    /** {@code 457 Invalid Range} (RFC 2326 §11.3.8). */
    public static final RtspStatus INVALID_RANGE = new RtspStatus(457, "Invalid Range");
    /** {@code 458 Parameter Is Read-Only} (RFC 2326 §11.3.9). */
    public static final RtspStatus PARAMETER_IS_READ_ONLY = new RtspStatus(458, "Parameter Is Read-Only");
    /** {@code 459 Aggregate operation not allowed} (RFC 2326 §11.3.10). */
    public static final RtspStatus AGGREGATE_OPERATION_NOT_ALLOWED = new RtspStatus(459, "Aggregate operation not allowed");
    /** {@code 460 Only aggregate operation allowed} (RFC 2326 §11.3.11). */
    public static final RtspStatus ONLY_AGGREGATE_OPERATION_ALLOWED = new RtspStatus(460, "Only aggregate operation allowed");
    /** {@code 461 Unsupported transport} (RFC 2326 §11.3.12). */
    public static final RtspStatus UNSUPPORTED_TRANSPORT = new RtspStatus(461, "Unsupported transport");
    /** {@code 462 Destination unreachable} (RFC 2326 §11.3.13). */
    public static final RtspStatus DESTINATION_UNREACHABLE = new RtspStatus(462, "Destination unreachable");
    /** {@code 463 Key Management Failure} (RFC 4567 §7.2.2, key management for RTSP 1.0; RFC 7826 reuses 463 for {@link #DESTINATION_PROHIBITED}). */
    public static final RtspStatus KEY_MANAGEMENT_FAILURE = new RtspStatus(463, "Key Management Failure");
    /** {@code 463 Destination Prohibited} (RFC 7826 §17.4.24; same code as {@link #KEY_MANAGEMENT_FAILURE}, which {@link #valueOf(int)} returns for 463 because rtsp4j speaks RTSP 1.0). */
    public static final RtspStatus DESTINATION_PROHIBITED = new RtspStatus(463, "Destination Prohibited");
    /** {@code 464 Data Transport Not Ready Yet} (RFC 7826 §17.4.25). */
    public static final RtspStatus DATA_TRANSPORT_NOT_READY_YET = new RtspStatus(464, "Data Transport Not Ready Yet");
    /** {@code 465 Notification Reason Unknown} (RFC 7826 §17.4.26). */
    public static final RtspStatus NOTIFICATION_REASON_UNKNOWN = new RtspStatus(465, "Notification Reason Unknown");
    /** {@code 466 Key Management Error} (RFC 7826 §17.4.27). */
    public static final RtspStatus KEY_MANAGEMENT_ERROR = new RtspStatus(466, "Key Management Error");
    /** {@code 470 Connection Authorization Required} (RFC 7826 §17.4.28). */
    public static final RtspStatus CONNECTION_AUTHORIZATION_REQUIRED = new RtspStatus(470, "Connection Authorization Required");
    /** {@code 471 Connection Credentials Not Accepted} (RFC 7826 §17.4.29). */
    public static final RtspStatus CONNECTION_CREDENTIALS_NOT_ACCEPTED = new RtspStatus(471, "Connection Credentials Not Accepted");
    /** {@code 472 Failure to Establish Secure Connection} (RFC 7826 §17.4.30). */
    public static final RtspStatus FAILURE_TO_ESTABLISH_SECURE_CONNECTION = new RtspStatus(472, "Failure to Establish Secure Connection");
    /** {@code 500 Internal Server Error} (RFC 2326 §7.1.1). */
    public static final RtspStatus INTERNAL_SERVER_ERROR = new RtspStatus(500, "Internal Server Error");
    /** {@code 501 Not Implemented} (RFC 2326 §7.1.1). */
    public static final RtspStatus NOT_IMPLEMENTED = new RtspStatus(501, "Not Implemented");
    /** {@code 502 Bad Gateway} (RFC 2326 §7.1.1). */
    public static final RtspStatus BAD_GATEWAY = new RtspStatus(502, "Bad Gateway");
    /** {@code 503 Service Unavailable} (RFC 2326 §7.1.1). */
    public static final RtspStatus SERVICE_UNAVAILABLE = new RtspStatus(503, "Service Unavailable");
    /** {@code 504 Gateway Time-out} (RFC 2326 §7.1.1). */
    public static final RtspStatus GATEWAY_TIMEOUT = new RtspStatus(504, "Gateway Time-out");
    /** {@code 505 RTSP Version not supported} (RFC 2326 §7.1.1). */
    public static final RtspStatus RTSP_VERSION_NOT_SUPPORTED = new RtspStatus(505, "RTSP Version not supported");
    /** {@code 551 Option not supported} (RFC 2326 §11.3.14). */
    public static final RtspStatus OPTION_NOT_SUPPORTED = new RtspStatus(551, "Option not supported");
    /** {@code 553 Proxy Unavailable} (RFC 7826 §17.5.9). */
    public static final RtspStatus PROXY_UNAVAILABLE = new RtspStatus(553, "Proxy Unavailable");

    private static final Map<Integer, RtspStatus> BY_CODE = new HashMap<>();

    static {
        for (RtspStatus s : new RtspStatus[] {
            CONTINUE,
            OK,
            CREATED,
            LOW_ON_STORAGE_SPACE,
            MULTIPLE_CHOICES,
            MOVED_PERMANENTLY,
            MOVED_TEMPORARILY,
            SEE_OTHER,
            NOT_MODIFIED,
            USE_PROXY,
            BAD_REQUEST,
            UNAUTHORIZED,
            PAYMENT_REQUIRED,
            FORBIDDEN,
            NOT_FOUND,
            METHOD_NOT_ALLOWED,
            NOT_ACCEPTABLE,
            PROXY_AUTHENTICATION_REQUIRED,
            REQUEST_TIMEOUT,
            GONE,
            LENGTH_REQUIRED,
            PRECONDITION_FAILED,
            REQUEST_ENTITY_TOO_LARGE,
            REQUEST_URI_TOO_LARGE,
            UNSUPPORTED_MEDIA_TYPE,
            PARAMETER_NOT_UNDERSTOOD,
            CONFERENCE_NOT_FOUND,
            NOT_ENOUGH_BANDWIDTH,
            SESSION_NOT_FOUND,
            METHOD_NOT_VALID_IN_THIS_STATE,
            HEADER_FIELD_NOT_VALID_FOR_RESOURCE,
            INVALID_RANGE,
            PARAMETER_IS_READ_ONLY,
            AGGREGATE_OPERATION_NOT_ALLOWED,
            ONLY_AGGREGATE_OPERATION_ALLOWED,
            UNSUPPORTED_TRANSPORT,
            DESTINATION_UNREACHABLE,
            KEY_MANAGEMENT_FAILURE,
            DATA_TRANSPORT_NOT_READY_YET,
            NOTIFICATION_REASON_UNKNOWN,
            KEY_MANAGEMENT_ERROR,
            CONNECTION_AUTHORIZATION_REQUIRED,
            CONNECTION_CREDENTIALS_NOT_ACCEPTED,
            FAILURE_TO_ESTABLISH_SECURE_CONNECTION,
            INTERNAL_SERVER_ERROR,
            NOT_IMPLEMENTED,
            BAD_GATEWAY,
            SERVICE_UNAVAILABLE,
            GATEWAY_TIMEOUT,
            RTSP_VERSION_NOT_SUPPORTED,
            OPTION_NOT_SUPPORTED,
            PROXY_UNAVAILABLE,
        }) {
            BY_CODE.put(s.code, s);
        }
    }

    private final int code;
    private final String reasonPhrase;

    private RtspStatus(int code, String reasonPhrase) {
        this.code = code;
        this.reasonPhrase = reasonPhrase;
    }

    /**
     * Returns the status for a code: the constant for a known code, otherwise a new status whose reason
     * phrase names its class ({@code "Client Error"} for an unknown 4xx, ...).
     *
     * @param code the three-digit status code, 100 to 999
     * @return the status
     * @throws IllegalArgumentException if the code is not in 100..999
     */
    public static RtspStatus valueOf(int code) {
        RtspStatus known = BY_CODE.get(code);
        if (known != null) {
            return known;
        }
        return new RtspStatus(checkCode(code), classPhrase(code));
    }

    /**
     * Returns a status with a custom reason phrase.
     *
     * @param code the three-digit status code, 100 to 999
     * @param reasonPhrase the reason phrase; empty means the standard phrase of the code
     * @return the status
     * @throws IllegalArgumentException if the code is not in 100..999 or the phrase contains CR, LF or NUL
     */
    public static RtspStatus of(int code, String reasonPhrase) {
        Objects.requireNonNull(reasonPhrase, "reasonPhrase");
        if (reasonPhrase.isEmpty()) {
            return valueOf(code);
        }
        if (Tokens.indexOfForbiddenValueChar(reasonPhrase) >= 0) {
            throw new IllegalArgumentException("reason phrase contains CR, LF or NUL");
        }
        return new RtspStatus(checkCode(code), reasonPhrase);
    }

    private static int checkCode(int code) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("invalid RTSP status code " + code + " (must be 100..999)");
        }
        return code;
    }

    private static String classPhrase(int code) {
        switch (code / 100) {
            case 1:
                return "Informational";
            case 2:
                return "Success";
            case 3:
                return "Redirection";
            case 4:
                return "Client Error";
            case 5:
                return "Server Error";
            default:
                return "Unknown Status";
        }
    }

    /**
     * The numeric code.
     *
     * @return the code, e.g. 454
     */
    public int code() {
        return code;
    }

    /**
     * The reason phrase.
     *
     * @return the phrase, e.g. {@code "Session Not Found"}
     */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /**
     * Whether the code is 2xx.
     *
     * @return true for success codes
     */
    public boolean isSuccess() {
        return code >= 200 && code < 300;
    }

    /**
     * Statuses are equal when their codes are equal.
     *
     * @param o the other object
     * @return whether {@code o} is a status with the same code
     */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof RtspStatus && ((RtspStatus) o).code == code);
    }

    @Override
    public int hashCode() {
        return code;
    }

    /**
     * The code and the phrase, as in a status line.
     *
     * @return e.g. {@code "454 Session Not Found"}
     */
    @Override
    public String toString() {
        return code + " " + reasonPhrase;
    }
}
