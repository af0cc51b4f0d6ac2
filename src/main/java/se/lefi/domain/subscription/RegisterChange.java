package se.lefi.domain.subscription;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import se.lefi.domain.identity.PersonId;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.IncomeSource;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.Sgi;

/**
 * One entry of the register's dated change feed: the new version of exactly one decision, payment or
 * SGI (a new item, a changed one, or an ended decision, whose new version carries its end). The
 * register dates it with the register time at which it is applied.
 */
public record RegisterChange(Decision decision, Payment payment, Sgi sgi) {

    public enum ItemKind { DECISION, PAYMENT, SGI }

    public static RegisterChange of(Decision decision) {
        return new RegisterChange(decision, null, null);
    }

    public static RegisterChange of(Payment payment) {
        return new RegisterChange(null, payment, null);
    }

    public static RegisterChange of(Sgi sgi) {
        return new RegisterChange(null, null, sgi);
    }

    public ItemKind kind() {
        return decision != null ? ItemKind.DECISION : payment != null ? ItemKind.PAYMENT : ItemKind.SGI;
    }

    public String personId() {
        return switch (kind()) {
            case DECISION -> decision.personId();
            case PAYMENT -> payment.personId();
            case SGI -> sgi.personId();
        };
    }

    public String itemId() {
        return switch (kind()) {
            case DECISION -> decision.decisionId();
            case PAYMENT -> payment.paymentId();
            case SGI -> sgi.sgiId();
        };
    }

    /** The benefit of a decision or payment; {@link InformationType#SGI} for an SGI. */
    public InformationType informationType() {
        return switch (kind()) {
            case DECISION -> decision.benefit();
            case PAYMENT -> payment.benefit();
            case SGI -> InformationType.SGI;
        };
    }

    /** The last day the item covers (a decision's or payment's period end); none for an SGI. */
    public LocalDate end() {
        return switch (kind()) {
            case DECISION -> decision.periodTom();
            case PAYMENT -> payment.periodTom();
            case SGI -> null;
        };
    }

    /**
     * The change as the register stores it: amounts, days and levels with two decimals, so that a
     * notification of the change says exactly what a question would read. Call after {@link #problem}.
     */
    public RegisterChange normalised() {
        return switch (kind()) {
            case DECISION -> of(new Decision(decision.decisionId(), decision.personId(), decision.benefit(), decision.caseStart(),
                    decision.caseActive(), decision.decisionDate(), decision.finalDecision(), decision.periodFrom(), decision.periodTom(),
                    decision.extent(), two(decision.days()), decision.waitingDayDeduction(), decision.outcome(), decision.decisionType(),
                    two(decision.compensationLevel()), two(decision.dailyAmount())));
            case PAYMENT -> of(new Payment(payment.paymentId(), payment.personId(), payment.benefit(), payment.paymentDate(),
                    payment.periodFrom(), payment.periodTom(), two(payment.grossAmount()), two(payment.tax()), two(payment.deductions()),
                    two(payment.netAmount())));
            case SGI -> of(new Sgi(sgi.sgiId(), sgi.personId(), sgi.setOn(), sgi.sgiType(), two(sgi.annualIncome()),
                    sgi.incomeSources().stream().map(i -> new IncomeSource(i.kind(), i.description(), two(i.annualAmount()))).toList()));
        };
    }

    private static BigDecimal two(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static boolean twoDecimals(BigDecimal... values) {
        for (BigDecimal value : values) {
            if (value != null && value.stripTrailingZeros().scale() > 2) {
                return false;
            }
        }
        return true;
    }

    /**
     * What is wrong with this change as input, in words that hold no personal data; empty when it
     * may be applied. The person's existence is the register's business.
     */
    public Optional<String> problem(LocalDate today) {
        int given = (decision != null ? 1 : 0) + (payment != null ? 1 : 0) + (sgi != null ? 1 : 0);
        if (given != 1) {
            return Optional.of("exactly one of decision, payment and sgi must be given");
        }
        String personId = personId();
        if (personId == null || !PersonId.isValid(personId, today) || !PersonId.parse(personId, today).canonical().equals(personId)) {
            return Optional.of("personId must be a valid 12-digit personnummer");
        }
        String id = itemId();
        if (id == null || id.isBlank() || id.length() > 40) {
            return Optional.of("the item id must be 1 to 40 characters");
        }
        boolean amounts = switch (kind()) {
            case DECISION -> twoDecimals(decision.days(), decision.compensationLevel(), decision.dailyAmount());
            case PAYMENT -> twoDecimals(payment.grossAmount(), payment.tax(), payment.deductions(), payment.netAmount());
            case SGI -> twoDecimals(sgi.annualIncome())
                    && sgi.incomeSources().stream().allMatch(i -> i != null && twoDecimals(i.annualAmount()));
        };
        if (!amounts) {
            return Optional.of("amounts, days and levels have at most two decimals");
        }
        return switch (kind()) {
            case DECISION -> decisionProblem();
            case PAYMENT -> paymentProblem();
            case SGI -> sgi.setOn() == null || sgi.sgiType() == null || sgi.annualIncome() == null
                    ? Optional.of("an SGI needs setOn, sgiType and annualIncome")
                    : sgi.incomeSources().size() > 2 ? Optional.of("an SGI has at most two income sources") : Optional.empty();
        };
    }

    private Optional<String> decisionProblem() {
        Decision d = decision;
        if (d.benefit() == null || !d.benefit().isBenefit()) {
            return Optional.of("a decision needs a benefit code");
        }
        if (d.caseStart() == null || d.decisionDate() == null || d.periodFrom() == null || d.periodTom() == null
                || d.extent() == null || d.days() == null || d.outcome() == null || d.decisionType() == null
                || d.compensationLevel() == null || d.dailyAmount() == null) {
            return Optional.of("a decision needs every field");
        }
        return d.periodFrom().isAfter(d.periodTom()) ? Optional.of("a decision's period starts after it ends") : Optional.empty();
    }

    private Optional<String> paymentProblem() {
        Payment p = payment;
        if (p.benefit() == null || !p.benefit().isBenefit()) {
            return Optional.of("a payment needs a benefit code");
        }
        if (p.paymentDate() == null || p.periodFrom() == null || p.periodTom() == null || p.grossAmount() == null
                || p.tax() == null || p.deductions() == null || p.netAmount() == null) {
            return Optional.of("a payment needs every field");
        }
        return p.periodFrom().isAfter(p.periodTom()) ? Optional.of("a payment's period starts after it ends") : Optional.empty();
    }
}
