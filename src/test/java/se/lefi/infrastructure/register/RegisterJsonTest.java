package se.lefi.infrastructure.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.lefi.domain.register.IncomeSource;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonInformation;
import se.lefi.domain.register.Sgi;
import se.lefi.dev.register.SyntheticRegister;
import se.lefi.domain.subscription.NotificationContent;
import se.lefi.domain.subscription.RegisterChange;

class RegisterJsonTest {

    @Test
    void aChangeLineReadsAsWritten() {
        SyntheticRegister register = new SyntheticRegister(1);
        RegisterChange change = RegisterChange.of(java.util.stream.LongStream.range(0, 1000).mapToObj(register::person)
                .filter(p -> !p.decisions().isEmpty()).findFirst().orElseThrow().decisions().get(0));
        String line = RegisterJson.write(change);
        assertTrue(line.startsWith("{\"decision\":{"), line);
        assertEquals(change, RegisterJson.change(line).orElseThrow());
        assertEquals(change, RegisterJson.storedChange(line));
    }

    @Test
    void aHandWrittenLineReads() {
        RegisterChange change = RegisterJson.change("""
                {"payment": {"paymentId": "P1", "personId": "193001010002", "benefit": "SJP", "paymentDate": "2026-11-25",
                 "periodFrom": "2026-10-01", "periodTom": "2026-10-31", "grossAmount": 10000, "tax": 3000, "deductions": 0,
                 "netAmount": 7000}}""").orElseThrow();
        assertEquals(InformationType.SJP, change.payment().benefit());
        assertEquals(LocalDate.of(2026, 10, 31), change.end());
    }

    @Test
    void somethingElseIsNoChange() {
        assertTrue(RegisterJson.change("not json").isEmpty());
        assertTrue(RegisterJson.change("[1, 2]").isEmpty());
        assertTrue(RegisterJson.change("{\"payment\": {\"benefit\": \"NO_SUCH_CODE\"}}").isEmpty());
    }

    @Test
    void notificationContentReadsAsWritten() {
        Sgi sgi = new Sgi("S1", "193001010002", LocalDate.of(2025, 3, 1), "ANSTALLD", new BigDecimal("420000.00"),
                List.of(new IncomeSource(IncomeSource.Kind.EMPLOYMENT, "Anställning, Arbetsgivare 1234", new BigDecimal("420000.00"))));
        NotificationContent snapshot = NotificationContent.snapshot(NotificationContent.Kind.INITIAL,
                new PersonInformation("193001010002", LocalDate.of(1930, 1, 1), false, "0180"), List.of(),
                List.of(new Payment("P1", "193001010002", InformationType.FP, LocalDate.of(2026, 2, 25), LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 1, 31), new BigDecimal("100.00"), new BigDecimal("30.00"), BigDecimal.ZERO.setScale(2),
                        new BigDecimal("70.00"))), List.of(sgi));
        assertEquals(snapshot, RegisterJson.content(RegisterJson.write(snapshot)));
        NotificationContent removal = NotificationContent.change(RegisterChange.of(snapshot.payments().get(0)),
                NotificationContent.ChangeType.REMOVED, null);
        assertEquals(removal, RegisterJson.content(RegisterJson.write(removal)));
    }
}
