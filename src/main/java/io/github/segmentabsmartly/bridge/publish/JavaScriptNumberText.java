package io.github.segmentabsmartly.bridge.publish;

import java.math.BigDecimal;

/**
 * A number as JavaScript's {@code String(n)} writes it (ECMAScript's Number::toString), which is how the hosted
 * integrations turn a numeric unit into its uid: the shortest digits that read back as the same double, plainly
 * from 1e-6 up to below 1e21, with an exponent outside that range. A JavaScript reader holds every JSON number
 * as a double, so an integer beyond 2^53 loses the same digits here as there, and a user keeps one uid whichever
 * way their events arrive.
 */
final class JavaScriptNumberText {

    private static final int LARGEST_PLAIN_EXPONENT = 21;
    private static final int SMALLEST_PLAIN_EXPONENT = -5;
    /** 2^53: every integer up to it is a double of its own. */
    private static final long EXACT_INTEGERS = 1L << 53;

    private JavaScriptNumberText() {
    }

    static String of(Number number) {
        boolean integer = number instanceof Integer || number instanceof Long;
        if (integer && -EXACT_INTEGERS <= number.longValue() && number.longValue() <= EXACT_INTEGERS) {
            // the common case, a numeric user id: a double holds it exactly, and writes it as Java does
            return number.toString();
        }
        double value = number.doubleValue();
        if (value == 0) {
            return "0";
        }
        if (Double.isInfinite(value)) {
            // a JSON number past the double range, as JavaScript reads it
            return value > 0 ? "Infinity" : "-Infinity";
        }
        // Double.toString's digits read back as the value (the shortest such from Java 19; Java 17's are longer for a
        // few values, JDK-4511638); BigDecimal splits them from the exponent
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        // the value is 0.digits × 10^exponent
        int exponent = digits.length() - decimal.scale();
        String text = exponent > LARGEST_PLAIN_EXPONENT || exponent < SMALLEST_PLAIN_EXPONENT
                ? withExponent(digits, exponent)
                : plain(digits, exponent);
        return value < 0 ? "-" + text : text;
    }

    private static String plain(String digits, int exponent) {
        if (exponent <= 0) {
            return "0." + "0".repeat(-exponent) + digits;
        }
        if (exponent >= digits.length()) {
            return digits + "0".repeat(exponent - digits.length());
        }
        return digits.substring(0, exponent) + "." + digits.substring(exponent);
    }

    private static String withExponent(String digits, int exponent) {
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int power = exponent - 1;
        return mantissa + "e" + (power < 0 ? "-" : "+") + Math.abs(power);
    }
}
