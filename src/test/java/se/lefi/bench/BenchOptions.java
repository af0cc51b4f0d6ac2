package se.lefi.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The benchmarks' command lines: {@code --name value} pairs over defaults; an unknown name or a missing value is refused. */
final class BenchOptions {
    private BenchOptions() {
    }

    static Map<String, String> parse(String program, Map<String, String> defaults, String[] args) {
        Map<String, String> options = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            String arg = args[i];
            if (!arg.startsWith("--") || !options.containsKey(arg.substring(2)) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: " + program + " [--name value]... with names " + options.keySet()
                        + "; not understood: " + arg);
            }
            options.put(arg.substring(2), args[i + 1]);
        }
        return options;
    }
}
