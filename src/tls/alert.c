#include "alert.h"

const char *tls13_alert_name(int description)
{
    switch (description) {
    case TLS13_ALERT_CLOSE_NOTIFY: return "close_notify";
    case TLS13_ALERT_UNEXPECTED_MESSAGE: return "unexpected_message";
    case TLS13_ALERT_BAD_RECORD_MAC: return "bad_record_mac";
    case TLS13_ALERT_RECORD_OVERFLOW: return "record_overflow";
    case TLS13_ALERT_HANDSHAKE_FAILURE: return "handshake_failure";
    case TLS13_ALERT_BAD_CERTIFICATE: return "bad_certificate";
    case TLS13_ALERT_UNSUPPORTED_CERTIFICATE: return "unsupported_certificate";
    case TLS13_ALERT_CERTIFICATE_REVOKED: return "certificate_revoked";
    case TLS13_ALERT_CERTIFICATE_EXPIRED: return "certificate_expired";
    case TLS13_ALERT_CERTIFICATE_UNKNOWN: return "certificate_unknown";
    case TLS13_ALERT_ILLEGAL_PARAMETER: return "illegal_parameter";
    case TLS13_ALERT_UNKNOWN_CA: return "unknown_ca";
    case TLS13_ALERT_ACCESS_DENIED: return "access_denied";
    case TLS13_ALERT_DECODE_ERROR: return "decode_error";
    case TLS13_ALERT_DECRYPT_ERROR: return "decrypt_error";
    case TLS13_ALERT_PROTOCOL_VERSION: return "protocol_version";
    case TLS13_ALERT_INSUFFICIENT_SECURITY: return "insufficient_security";
    case TLS13_ALERT_INTERNAL_ERROR: return "internal_error";
    case TLS13_ALERT_INAPPROPRIATE_FALLBACK: return "inappropriate_fallback";
    case TLS13_ALERT_USER_CANCELED: return "user_canceled";
    case TLS13_ALERT_MISSING_EXTENSION: return "missing_extension";
    case TLS13_ALERT_UNSUPPORTED_EXTENSION: return "unsupported_extension";
    case TLS13_ALERT_UNRECOGNIZED_NAME: return "unrecognized_name";
    case TLS13_ALERT_BAD_CERTIFICATE_STATUS_RESPONSE: return "bad_certificate_status_response";
    case TLS13_ALERT_UNKNOWN_PSK_IDENTITY: return "unknown_psk_identity";
    case TLS13_ALERT_CERTIFICATE_REQUIRED: return "certificate_required";
    case TLS13_ALERT_NO_APPLICATION_PROTOCOL: return "no_application_protocol";
    }
    return "unknown alert";
}
