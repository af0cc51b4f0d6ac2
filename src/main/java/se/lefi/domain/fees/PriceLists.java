package se.lefi.domain.fees;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import se.lefi.domain.config.ConfigLines;
import se.lefi.domain.party.PartyKind;

/**
 * Every price list of config/fees.csv. The list in force for an invoice month is the one with the
 * latest {@code valid_from} on or before the month's first day, so a reviewed list takes over from
 * a date without a release, and a month is always invoiced at one list's prices.
 */
public final class PriceLists {
    /** The kinds that pay: every kind but the agency itself. Each list must price all of them. */
    public static final Set<PartyKind> INVOICED_KINDS = EnumSet.complementOf(EnumSet.of(PartyKind.AGENCY));

    static final String[] COLUMNS = {"valid_from", "party_kind", "fixed_fee_per_month", "price_per_question",
            "price_per_monitored_person_per_month", "price_per_notification"};

    private final List<PriceList> lists; // by valid_from, oldest first

    private PriceLists(List<PriceList> lists) {
        this.lists = List.copyOf(lists);
    }

    /**
     * Reads lines {@code valid_from;party_kind;fixed_fee_per_month;price_per_question;
     * price_per_monitored_person_per_month;price_per_notification}; '#' starts a comment line.
     * Errors name the line and the column, so the file can be fixed from the message alone.
     */
    public static PriceLists parse(Reader source) throws IOException {
        Map<LocalDate, Map<PartyKind, Prices>> byDate = new TreeMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (ConfigLines.Line line : ConfigLines.read(source)) {
            int lineNumber = line.number();
            String[] fields = line.text().split(";", -1);
            if (fields.length != COLUMNS.length) {
                throw error(lineNumber, "expected " + COLUMNS.length + " fields separated by ';' ("
                        + String.join(";", COLUMNS) + "), found " + fields.length);
            }
            LocalDate validFrom = date(fields[0], lineNumber);
            PartyKind kind = kind(fields[1], lineNumber);
            Prices prices = new Prices(amount(fields, 2, lineNumber), amount(fields, 3, lineNumber),
                    amount(fields, 4, lineNumber), amount(fields, 5, lineNumber));
            Integer earlier = firstLine.putIfAbsent(validFrom + "/" + kind, lineNumber);
            if (earlier != null) {
                throw error(lineNumber, "a second price for " + kind + " in the list valid from " + validFrom
                        + " (the first is on line " + earlier + ")");
            }
            byDate.computeIfAbsent(validFrom, d -> new EnumMap<>(PartyKind.class)).put(kind, prices);
        }
        if (byDate.isEmpty()) {
            throw new IllegalArgumentException("price list: no prices at all; each line is " + String.join(";", COLUMNS));
        }
        List<PriceList> lists = new ArrayList<>();
        for (Map.Entry<LocalDate, Map<PartyKind, Prices>> list : byDate.entrySet()) {
            Set<PartyKind> missing = EnumSet.copyOf(INVOICED_KINDS);
            missing.removeAll(list.getValue().keySet());
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("price list valid from " + list.getKey() + ": no prices for "
                        + missing.stream().map(Enum::name).collect(Collectors.joining(", ")) + "; every list prices "
                        + INVOICED_KINDS.stream().map(Enum::name).collect(Collectors.joining(", ")));
            }
            lists.add(new PriceList(list.getKey(), list.getValue()));
        }
        return new PriceLists(lists);
    }

    /** The list in force for {@code month}: the latest valid from on or before its first day; empty before the first list. */
    public Optional<PriceList> inForce(YearMonth month) {
        LocalDate firstDay = month.atDay(1);
        return lists.stream().filter(l -> !l.validFrom().isAfter(firstDay)).max(Comparator.comparing(PriceList::validFrom));
    }

    /** Every list, oldest first. */
    public List<PriceList> all() {
        return lists;
    }

    private static LocalDate date(String text, int lineNumber) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw error(lineNumber, "valid_from '" + text.strip() + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static PartyKind kind(String text, int lineNumber) {
        String code = text.strip();
        PartyKind kind;
        try {
            kind = PartyKind.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw error(lineNumber, "party_kind '" + code + "' is not one of "
                    + INVOICED_KINDS.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        if (!INVOICED_KINDS.contains(kind)) {
            throw error(lineNumber, "party_kind " + kind + " is not invoiced: the agency does not pay itself");
        }
        return kind;
    }

    private static BigDecimal amount(String[] fields, int column, int lineNumber) {
        try {
            return Sek.parse(fields[column]);
        } catch (IllegalArgumentException e) {
            throw error(lineNumber, COLUMNS[column] + " " + e.getMessage());
        }
    }

    private static IllegalArgumentException error(int lineNumber, String message) {
        return new IllegalArgumentException("price list line " + lineNumber + ": " + message);
    }
}
