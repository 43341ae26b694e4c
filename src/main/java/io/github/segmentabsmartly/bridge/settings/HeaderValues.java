package io.github.segmentabsmartly.bridge.settings;

/**
 * What may be an HTTP header value of the Collector request: printable ASCII and spaces, at most
 * {@value #MAX_LENGTH} characters. A CR or LF would end the header (and could start another), a NUL or another control
 * character is refused by HTTP clients, and a very long value by servers.
 */
public final class HeaderValues {

    public static final int MAX_LENGTH = 256;

    private HeaderValues() {
    }

    public static boolean isValid(String value) {
        if (value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /** For a setting that becomes a header value: refused at start rather than on every request. */
    static void require(String value, String variable) {
        if (!isValid(value)) {
            throw new InvalidSettingException(variable + " must be printable ASCII of at most " + MAX_LENGTH
                    + " characters: it is sent as an HTTP header");
        }
    }
}
