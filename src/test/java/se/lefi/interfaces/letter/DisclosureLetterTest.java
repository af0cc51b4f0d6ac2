package se.lefi.interfaces.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import se.lefi.domain.audit.DisclosureReport;
import se.lefi.domain.audit.DisclosureReport.Disclosure;
import se.lefi.domain.audit.DisclosureReport.MonitoringSubscription;
import se.lefi.domain.audit.DisclosureReport.Party;
import se.lefi.domain.audit.DisclosureReport.RefusedAttempt;

class DisclosureLetterTest {
    private static final Party INSURER = new Party("5569000010", "Demo Försäkring AB", "INSURER");
    private static final Party AGENT = new Party("5569000036", "Demo Ombud AB", "AGENT");
    private static final Party MUNICIPALITY = new Party("2120002411", "Demo kommun", "AUTHORITY");
    private static final Instant AT = Instant.parse("2026-03-04T09:15:00Z");

    private static DisclosureReport report(int disclosures) {
        List<Disclosure> list = new ArrayList<>();
        for (int i = 0; i < disclosures; i++) {
            list.add(i % 2 == 0
                    ? new Disclosure(AT.plusSeconds(60L * i), INSURER, null, false, "SYSTEM_TO_SYSTEM", "GetBenefitInformation",
                            "COORDINATION_OF_COMPENSATION", "110 kap. 39 § socialförsäkringsbalken", "SAMTYCKE-" + i + " 2026-03-01", null,
                            List.of("SJP", "SGI"))
                    : new Disclosure(AT.plusSeconds(60L * i), AGENT, MUNICIPALITY, false, "SSBTEK", "GetBenefitInformation",
                            "SOCIAL_SERVICES", "förordning (2008:975)", null, "SOC-" + i, List.of("FP")));
        }
        return new DisclosureReport("199001012384", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30), AT,
                list,
                List.of(new MonitoringSubscription(INSURER, null, "COORDINATION_OF_COMPENSATION", "110 kap. 39 §", List.of("SJP"),
                        LocalDate.of(2026, 2, 1), AT, LocalDate.of(2026, 6, 1), "AGREEMENT_TERMINATED", 7)),
                List.of(new RefusedAttempt(AT, new Party("5569000069", "Osignerad AB", "INSURER"), "SYSTEM_TO_SYSTEM",
                        "GetBenefitInformation", "COORDINATION_OF_COMPENSATION", "AGREEMENT_NOT_SIGNED")));
    }

    @Test
    void everyPartOfTheReportIsInTheLetterInSwedish() throws Exception {
        try (PDDocument letter = Loader.loadPDF(DisclosureLetter.pdf(report(2)))) {
            String text = new PDFTextStripper().getText(letter);
            assertEquals(1, letter.getNumberOfPages());
            assertTrue(text.contains("Registerutdrag över utlämnanden av dina uppgifter"), text);
            assertTrue(text.contains("Person- eller samordningsnummer: 19900101-2384"), text);
            assertTrue(text.contains("Period: 2026-01-01 – 2026-11-30"), text);
            assertTrue(text.contains("Utlämnanden (2)"), text);
            assertTrue(text.contains("2026-03-04 10:15  Demo Försäkring AB (org.nr 5569000010, försäkringsbolag)"), text);
            assertTrue(text.contains("Hur: maskinell fråga (LEFI Online)"), text);
            assertTrue(text.contains("Varför: samordning av ersättning; rättsligt stöd: 110 kap. 39 § socialförsäkringsbalken"), text);
            assertTrue(text.contains("Med ditt samtycke: SAMTYCKE-0 2026-03-01"), text);
            assertTrue(text.contains("Uppgifter: sjukpenning, sjukpenninggrundande inkomst"), text);
            assertTrue(text.contains("För huvudmannen Demo kommun (org.nr 2120002411, myndighet)"), text);
            assertTrue(text.contains("I ärende: SOC-1"), text);
            assertTrue(text.contains("Bevakningar (1)"), text);
            assertTrue(text.contains("upphörde 2026-06-01 (Avtalet är uppsagt.)"), text);
            assertTrue(text.contains("Meddelanden under perioden: 7"), text);
            assertTrue(text.contains("Försök som nekades (1)"), text);
            assertTrue(text.contains("Skäl: Avtalet är inte undertecknat av båda parter."), text);
            assertTrue(text.contains("Sida 1 av 1"), text);
        }
    }

    @Test
    void aLongReportRunsOverNumberedPagesThatEachRender() throws Exception {
        try (PDDocument letter = Loader.loadPDF(DisclosureLetter.pdf(report(60)))) {
            int pages = letter.getNumberOfPages();
            assertTrue(pages >= 3, "60 disclosures fill more than two pages: " + pages);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertTrue(stripper.getText(letter).contains("Sida " + page + " av " + pages), "page " + page);
                BufferedImage image = new PDFRenderer(letter).renderImageWithDPI(page - 1, 72);
                assertTrue(RenderedPages.darkShare(image, 0, 0, image.getWidth(), image.getHeight() / 3) > 0.002,
                        "page " + page + " has text at its top");
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            String text = stripper.getText(letter);
            assertTrue(text.contains("SAMTYCKE-58 2026-03-01"), "the last disclosure is in the letter");
        }
    }

    @Test
    void aNameOutsideTheFontsCharactersIsShownWithQuestionMarksNotDropped() throws Exception {
        Party foreign = new Party("5569000093", "Företag 中文 AB", "INSURER");
        DisclosureReport report = new DisclosureReport("199001012384", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), AT,
                List.of(new Disclosure(AT, foreign, null, true, "WEB", "GetBenefitInformation", "CLAIM_MANAGEMENT", "lag", null, null,
                        List.of("GEPI"))), List.of(), List.of());
        try (PDDocument letter = Loader.loadPDF(DisclosureLetter.pdf(report))) {
            String text = new PDFTextStripper().getText(letter);
            assertTrue(text.contains("Företag ?? AB (org.nr 5569000093, försäkringsbolag)"), text);
            assertTrue(text.contains("Hur: webbtjänsten, av en namngiven handläggare"), text);
            assertTrue(text.contains("Ingen organisation bevakade uppgifter om dig under perioden."), text);
            assertTrue(text.contains("Inga försök nekades under perioden."), text);
        }
    }
}
