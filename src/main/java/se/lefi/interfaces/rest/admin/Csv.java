package se.lefi.interfaces.rest.admin;

import java.util.Arrays;
import java.util.stream.Collectors;

/** RFC 4180 rows; a cell that could start a spreadsheet formula is prefixed with an apostrophe. */
final class Csv {
    private Csv() {
    }

    static String row(Object... cells) {
        return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(","));
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
