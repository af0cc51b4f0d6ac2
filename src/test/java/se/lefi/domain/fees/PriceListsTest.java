package se.lefi.domain.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import se.lefi.domain.party.PartyKind;

class PriceListsTest {
    private static final String FIRST = """
            # a comment
            2025-04-01;INSURER;3500.00;1.50;0.80;0.25
            2025-04-01;INSURANCE_AGENT;2000;1.65;0.85;0.3
            2025-04-01;AUTHORITY;1000.00;0.75;0.40;0.10
            2025-04-01;AGENT;1500.00;0.75;0.40;0.10
            """;
    private static final String REVIEWED = """

            2026-07-01;INSURER;3750.00;1.60;0.85;0.20
            2026-07-01;INSURANCE_AGENT;2150.00;1.75;0.90;0.25
            2026-07-01;AUTHORITY;1000.00;0.80;0.45;0.10
            2026-07-01;AGENT;1600.00;0.80;0.45;0.10
            """;

    private static PriceLists parse(String text) throws Exception {
        return PriceLists.parse(new StringReader(text));
    }

    private static IllegalArgumentException refused(String text) {
        return assertThrows(IllegalArgumentException.class, () -> parse(text));
    }

    @Test
    void theListInForceIsTheLatestValidOnTheMonthsFirstDay() throws Exception {
        PriceLists lists = parse(REVIEWED + FIRST); // the order in the file does not matter
        assertTrue(lists.inForce(YearMonth.of(2025, 3)).isEmpty(), "no fees before the model came into force");
        assertEquals(LocalDate.of(2025, 4, 1), lists.inForce(YearMonth.of(2025, 4)).orElseThrow().validFrom());
        assertEquals(LocalDate.of(2025, 4, 1), lists.inForce(YearMonth.of(2026, 6)).orElseThrow().validFrom());
        assertEquals(LocalDate.of(2026, 7, 1), lists.inForce(YearMonth.of(2026, 7)).orElseThrow().validFrom());
        assertEquals(LocalDate.of(2026, 7, 1), lists.inForce(YearMonth.of(2031, 1)).orElseThrow().validFrom());
        assertEquals(2, lists.all().size());
        assertEquals(LocalDate.of(2025, 4, 1), lists.all().get(0).validFrom(), "oldest first");
    }

    @Test
    void aListValidFromMidMonthAppliesFromTheNextMonth() throws Exception {
        PriceLists lists = parse(FIRST + REVIEWED.replace("2026-07-01", "2026-07-15"));
        assertEquals(LocalDate.of(2025, 4, 1), lists.inForce(YearMonth.of(2026, 7)).orElseThrow().validFrom());
        assertEquals(LocalDate.of(2026, 7, 15), lists.inForce(YearMonth.of(2026, 8)).orElseThrow().validFrom());
    }

    @Test
    void pricesArePerPartyKindInWholeOre() throws Exception {
        PriceList list = parse(FIRST).inForce(YearMonth.of(2025, 5)).orElseThrow();
        Prices agent = list.pricesFor(PartyKind.INSURANCE_AGENT).orElseThrow();
        assertEquals(new BigDecimal("2000.00"), agent.fixedFeePerMonth(), "normalised to two decimals");
        assertEquals(new BigDecimal("1.65"), agent.perQuestion());
        assertEquals(new BigDecimal("0.85"), agent.perMonitoredPersonPerMonth());
        assertEquals(new BigDecimal("0.30"), agent.perNotification());
        assertEquals(new BigDecimal("3500.00"), list.pricesFor(PartyKind.INSURER).orElseThrow().fixedFeePerMonth());
        assertTrue(list.pricesFor(PartyKind.AGENCY).isEmpty(), "the agency does not pay itself");
    }

    @Test
    void theShippedPriceListsParseAndFollowTheFeeModel() throws Exception {
        PriceLists lists;
        try (Reader reader = Files.newBufferedReader(Path.of("config/fees.csv"), StandardCharsets.UTF_8)) {
            lists = PriceLists.parse(reader);
        }
        assertTrue(lists.inForce(YearMonth.of(2025, 3)).isEmpty());
        assertEquals(LocalDate.of(2025, 4, 1), lists.inForce(YearMonth.of(2025, 4)).orElseThrow().validFrom(),
                "the fee model is in force from 1 April 2025");
        assertTrue(lists.all().stream().anyMatch(l -> l.validFrom().getYear() == 2026), "and reviewed in 2026");
    }

    @Test
    void errorsNameTheLineAndTheColumn() {
        IllegalArgumentException fields = refused("# header\n2025-04-01;INSURER;3500.00;1.50;0.80\n");
        assertEquals("price list line 2: expected 6 fields separated by ';' (valid_from;party_kind;fixed_fee_per_month;"
                + "price_per_question;price_per_monitored_person_per_month;price_per_notification), found 5", fields.getMessage());

        assertEquals("price list line 1: valid_from '2025-04-31' is not a date (YYYY-MM-DD)",
                refused("2025-04-31;INSURER;3500.00;1.50;0.80;0.25\n").getMessage());
        assertEquals("price list line 1: party_kind 'BANK' is not one of INSURER, INSURANCE_AGENT, AUTHORITY, AGENT",
                refused("2025-04-01;BANK;3500.00;1.50;0.80;0.25\n").getMessage());
        assertEquals("price list line 1: party_kind AGENCY is not invoiced: the agency does not pay itself",
                refused("2025-04-01;AGENCY;0;0;0;0\n").getMessage());
        assertEquals("price list line 1: price_per_question '1,50' is not an amount in SEK: write kronor with a decimal point, e.g. 1.50",
                refused("2025-04-01;INSURER;3500.00;1,50;0.80;0.25\n").getMessage());
        assertEquals("price list line 1: price_per_notification '-0.25' is not an amount in SEK: write kronor with a decimal point, e.g. 1.50",
                refused("2025-04-01;INSURER;3500.00;1.50;0.80;-0.25\n").getMessage());
        assertEquals("price list line 1: fixed_fee_per_month '' is not an amount in SEK: write kronor with a decimal point, e.g. 1.50",
                refused("2025-04-01;INSURER;;1.50;0.80;0.25\n").getMessage());
    }

    @Test
    void aThirdDecimalIsRefusedNotRounded() {
        assertEquals("price list line 1: price_per_monitored_person_per_month '0.805' has more than two decimals: prices are in whole öre",
                refused("2025-04-01;INSURER;3500.00;1.50;0.805;0.25\n").getMessage());
    }

    @Test
    void eachListPricesEveryInvoicedKindOnce() {
        assertEquals("price list line 6: a second price for AGENT in the list valid from 2025-04-01 (the first is on line 5)",
                refused(FIRST + "2025-04-01;AGENT;1.00;1.00;1.00;1.00\n").getMessage());
        assertEquals("price list valid from 2026-07-01: no prices for AUTHORITY, AGENT; every list prices INSURER, INSURANCE_AGENT, "
                        + "AUTHORITY, AGENT",
                refused(FIRST + "2026-07-01;INSURER;3750.00;1.60;0.85;0.20\n2026-07-01;INSURANCE_AGENT;2150.00;1.75;0.90;0.25\n")
                        .getMessage());
        assertTrue(refused("# only comments\n\n").getMessage().contains("no prices at all"));
    }
}
