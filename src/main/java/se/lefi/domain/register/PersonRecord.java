package se.lefi.domain.register;

import java.util.List;

/** Everything the register holds about one person. */
public record PersonRecord(PersonInformation person, List<Decision> decisions, List<Payment> payments, List<Sgi> sgi) {
    public PersonRecord {
        decisions = List.copyOf(decisions);
        payments = List.copyOf(payments);
        sgi = List.copyOf(sgi);
    }
}
