package se.lefi.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A small set of codes kept as one comma-separated text in declaration order: "SJP,FP,SGI". */
public final class EnumCodes {
    private EnumCodes() {
    }

    public static <E extends Enum<E>> String join(Set<E> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static <E extends Enum<E>> Set<E> parse(String text, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(name -> Enum.valueOf(type, name.strip())).forEach(values::add);
        }
        return values;
    }
}
