package se.lefi.domain.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The data lines of a configuration file in config/ (the legal-basis catalogue, the price lists):
 * stripped, without blank lines and '#' comments, each with its line number for error messages.
 */
public final class ConfigLines {
    public record Line(int number, String text) {}

    private ConfigLines() {
    }

    public static List<Line> read(Reader source) throws IOException {
        List<Line> data = new ArrayList<>();
        BufferedReader lines = new BufferedReader(source);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                data.add(new Line(number, trimmed));
            }
        }
        return data;
    }
}
