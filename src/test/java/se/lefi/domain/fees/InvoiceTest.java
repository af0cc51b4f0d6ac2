package se.lefi.domain.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.lefi.domain.party.PartyKind;

class InvoiceTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 8);

    private static PriceList list() throws Exception {
        return PriceLists.parse(new StringReader("""
                2026-07-01;INSURER;3750.00;1.60;0.85;0.10
                2026-07-01;INSURANCE_AGENT;2150.00;1.75;0.90;0.25
                2026-07-01;AUTHORITY;1000.00;0.80;0.45;0.07
                2026-07-01;AGENT;1600.00;0.80;0.45;0.10
                """)).inForce(MONTH).orElseThrow();
    }

    @Test
    void aLinePerFeeWithQuantityUnitPriceAndAmount() throws Exception {
        Invoice invoice = Invoice.of("5569000176", "Faktura Försäkringsförmedling AB", PartyKind.INSURANCE_AGENT, MONTH, list(),
                new Usage(true, 7, 3, 4, 9));
        assertEquals(LocalDate.of(2026, 7, 1), invoice.priceListValidFrom());
        assertEquals("SEK", invoice.currency());
        assertEquals(List.of(
                new Invoice.Line(Invoice.Item.FIXED_FEE, 1, new BigDecimal("2150.00"), new BigDecimal("2150.00")),
                new Invoice.Line(Invoice.Item.QUESTIONS, 7, new BigDecimal("1.75"), new BigDecimal("12.25")),
                new Invoice.Line(Invoice.Item.REFUSED_QUESTIONS, 3, new BigDecimal("0.00"), new BigDecimal("0.00")),
                new Invoice.Line(Invoice.Item.MONITORED_PERSONS, 4, new BigDecimal("0.90"), new BigDecimal("3.60")),
                new Invoice.Line(Invoice.Item.NOTIFICATIONS, 9, new BigDecimal("0.25"), new BigDecimal("2.25"))), invoice.lines());
        assertEquals(new BigDecimal("2168.10"), invoice.total());
        assertEquals(3, invoice.quantity(Invoice.Item.REFUSED_QUESTIONS));
    }

    @Test
    void noFixedFeeForAMonthWithoutAnAgreementInForce() throws Exception {
        Invoice invoice = Invoice.of("5569000176", "X AB", PartyKind.INSURER, MONTH, list(), new Usage(false, 0, 2, 0, 0));
        assertEquals(0, invoice.quantity(Invoice.Item.FIXED_FEE));
        assertEquals(new BigDecimal("0.00"), invoice.total(), "refused questions cost nothing");
        assertEquals(2, invoice.total().scale(), "two decimals even when nothing is due");
    }

    @Test
    void amountsAreExactInOreWithoutFloatingPointDrift() throws Exception {
        // 0.10 × 3 is 0.30000000000000004 in binary floating point; 0.07 × 1,000,003 must not lose an öre either.
        Invoice insurer = Invoice.of("5569000176", "X AB", PartyKind.INSURER, MONTH, list(), new Usage(false, 0, 0, 0, 3));
        assertEquals(new BigDecimal("0.30"), insurer.total());
        Invoice authority = Invoice.of("2120002411", "Y kommun", PartyKind.AUTHORITY, MONTH, list(),
                new Usage(true, 0, 0, 0, 1_000_003));
        assertEquals(new BigDecimal("70000.21"), authority.lines().get(4).amount());
        assertEquals(new BigDecimal("71000.21"), authority.total());
        assertEquals(2, authority.total().scale());
    }

    @Test
    void moneyIsKronorWithTwoDecimals() {
        assertEquals(new BigDecimal("12.00"), Sek.parse("12"));
        assertEquals(new BigDecimal("0.50"), Sek.parse("0.5"));
        assertEquals(new BigDecimal("1.50"), Sek.parse(" 1.50 "));
        assertThrows(IllegalArgumentException.class, () -> Sek.parse("0.125"), "a fraction of an öre is refused, not rounded");
        assertThrows(IllegalArgumentException.class, () -> Sek.parse("1e3"));
        assertThrows(IllegalArgumentException.class, () -> Sek.parse("1 000.00"));
        assertThrows(IllegalArgumentException.class, () -> Sek.of(new BigDecimal("0.001")));
        assertEquals(new BigDecimal("70000.21"), Sek.times(new BigDecimal("0.07"), 1_000_003));
    }

    @Test
    void anInvoiceThatDoesNotAddUpCannotBeMade() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> new Invoice.Line(Invoice.Item.QUESTIONS, 3, new BigDecimal("1.60"), new BigDecimal("4.81")));
        Invoice.Line line = new Invoice.Line(Invoice.Item.QUESTIONS, 3, new BigDecimal("1.60"), new BigDecimal("4.80"));
        assertThrows(IllegalArgumentException.class, () -> new Invoice("5569000176", "X AB", PartyKind.INSURER, MONTH,
                LocalDate.of(2026, 7, 1), List.of(line), new BigDecimal("4.90")));
        assertThrows(IllegalArgumentException.class, () -> new Usage(true, -1, 0, 0, 0));
    }

    @Test
    void theAgencyIsNotInvoiced() throws Exception {
        PriceList list = list();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Invoice.of("2021009994", "LEFI drift", PartyKind.AGENCY, MONTH, list, Usage.NONE));
        assertEquals("the price list valid from 2026-07-01 has no prices for AGENCY", e.getMessage());
    }
}
