package se.lefi.domain.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import se.lefi.domain.party.PartyKind;

/**
 * One organisation's monthly invoice (faktura): a line per fee of the price list in force, each with
 * its quantity, unit price and amount, and the total, in SEK. Every line is present, with quantity 0
 * where nothing was used, so invoices of different organisations and months read alike.
 */
public record Invoice(String organisationNumber, String organisationName, PartyKind kind, YearMonth month,
                      LocalDate priceListValidFrom, List<Line> lines, BigDecimal total) {

    /** What a line charges for; {@link #REFUSED_QUESTIONS} is shown so the count can be checked, but costs nothing. */
    public enum Item {
        FIXED_FEE("Fixed fee per month (agreement in force during the month)"),
        QUESTIONS("Questions answered (GetBenefitInformation, granted)"),
        REFUSED_QUESTIONS("Questions refused (not charged)"),
        MONITORED_PERSONS("Persons monitored during the month"),
        NOTIFICATIONS("Notifications produced");

        private final String description;

        Item(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** amount = quantity × unit price, exact. */
    public record Line(Item item, long quantity, BigDecimal unitPrice, BigDecimal amount) {
        public Line {
            unitPrice = Sek.of(unitPrice);
            if (amount == null || Sek.times(unitPrice, quantity).compareTo(amount) != 0) {
                throw new IllegalArgumentException("a line's amount is its quantity times its unit price");
            }
            amount = Sek.of(amount);
        }

        static Line of(Item item, long quantity, BigDecimal unitPrice) {
            return new Line(item, quantity, unitPrice, Sek.times(unitPrice, quantity));
        }

        public String description() {
            return item.description();
        }
    }

    public Invoice {
        lines = List.copyOf(lines);
        BigDecimal sum = lines.stream().map(Line::amount).reduce(Sek.ZERO, BigDecimal::add);
        if (total == null || sum.compareTo(total) != 0) {
            throw new IllegalArgumentException("an invoice's total is the sum of its lines");
        }
        total = Sek.of(total);
    }

    /** The invoice for {@code usage} at the prices {@code list} sets for {@code kind}. */
    public static Invoice of(String organisationNumber, String organisationName, PartyKind kind, YearMonth month,
                             PriceList list, Usage usage) {
        Prices prices = list.pricesFor(kind).orElseThrow(() -> new IllegalArgumentException(
                "the price list valid from " + list.validFrom() + " has no prices for " + kind));
        List<Line> lines = List.of(
                Line.of(Item.FIXED_FEE, usage.agreementInForce() ? 1 : 0, prices.fixedFeePerMonth()),
                Line.of(Item.QUESTIONS, usage.questions(), prices.perQuestion()),
                Line.of(Item.REFUSED_QUESTIONS, usage.refusedQuestions(), Sek.ZERO),
                Line.of(Item.MONITORED_PERSONS, usage.monitoredPersons(), prices.perMonitoredPersonPerMonth()),
                Line.of(Item.NOTIFICATIONS, usage.notifications(), prices.perNotification()));
        return new Invoice(organisationNumber, organisationName, kind, month, list.validFrom(), lines,
                lines.stream().map(Line::amount).reduce(Sek.ZERO, BigDecimal::add));
    }

    public String currency() {
        return Sek.CURRENCY;
    }

    /** The quantity of one item. */
    public long quantity(Item item) {
        return lines.stream().filter(l -> l.item() == item).mapToLong(Line::quantity).sum();
    }
}
