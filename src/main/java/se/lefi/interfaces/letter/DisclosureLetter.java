package se.lefi.interfaces.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.audit.DisclosureReport;
import se.lefi.domain.identity.PersonId;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.subscription.Subscription;
import se.lefi.interfaces.v9.SwedishMessages;

/**
 * The disclosure report as a letter in Swedish that the agency can send to the individual (registerutdrag
 * över utlämnanden): A4, one section each for the disclosures, the subscriptions and the refused attempts,
 * every page numbered. Written with Apache PDFBox in Helvetica, one of the fonts every PDF reader has, whose
 * encoding (WinAnsi) holds å, ä and ö.
 */
public final class DisclosureLetter {
    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 56;
    private static final float BODY = 10;
    private static final float LEADING = 1.35f;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PersonId.SWEDEN);

    private static final Map<String, String> PURPOSES = Map.of(
            "COORDINATION_OF_COMPENSATION", "samordning av ersättning",
            "RISK_ASSESSMENT", "riskbedömning",
            "PENSION_FORECAST", "pensionsprognos",
            "CLAIM_MANAGEMENT", "skadereglering",
            "CASE_WORK", "handläggning av ärende hos myndighet",
            "SOCIAL_SERVICES", "handläggning av ekonomiskt bistånd",
            "MUNICIPAL_CHILDCARE_ALLOWANCE", "kommunalt vårdnadsbidrag");
    private static final Map<String, String> KINDS = Map.of(
            "INSURER", "försäkringsbolag",
            "INSURANCE_AGENT", "försäkringsförmedlare",
            "AUTHORITY", "myndighet",
            "AGENT", "ombud",
            "AGENCY", "Försäkringskassan");
    private static final Map<String, String> INTERFACES = Map.of(
            "SYSTEM_TO_SYSTEM", "maskinell fråga (LEFI Online)",
            "WEB", "webbtjänsten",
            "LEFI_V9", "maskinell fråga (LEFI Förmånsinformation)",
            "SSBTEK", "maskinell fråga från kommunens ekonomiska bistånd (SSBTEK)");
    /** Why a subscription ended: one of these, or the refusal code of the check that stopped it. */
    private static final Map<String, String> END_REASONS = Map.of(
            Subscription.CANCELLED, "avbeställd",
            Subscription.REPLACED, "ersattes av en ny beställning");

    private final List<Line> lines = new ArrayList<>();

    private record Line(String text, PDFont font, float size, float indent, float spaceBefore) {
    }

    private DisclosureLetter() {
    }

    /** The letter as PDF bytes. */
    public static byte[] pdf(DisclosureReport report) {
        DisclosureLetter letter = new DisclosureLetter();
        letter.compose(report);
        return letter.render(report);
    }

    private void compose(DisclosureReport report) {
        line("Försäkringskassan", BOLD, 12, 0, 0);
        line("Utskrivet " + MINUTE.format(report.generatedAt()), REGULAR, BODY, 0, 0);
        line("Registerutdrag över utlämnanden av dina uppgifter", BOLD, 15, 0, 18);
        line("Person- eller samordningsnummer: " + printed(report.personId()), REGULAR, BODY, 0, 8);
        line("Period: " + report.from() + " – " + report.to(), REGULAR, BODY, 0, 0);
        paragraph("Du har rätt att få veta vilka som har fått uppgifter om dig från Försäkringskassan. Här står varje gång "
                + "uppgifter om dig lämnades ut genom tjänsten LEFI under perioden: när, till vem, på vilket sätt, varför "
                + "och vilka uppgifter. Försök att få uppgifter som tjänsten nekade står för sig; då lämnades inget ut.", 8);

        heading("Utlämnanden (" + report.disclosures().size() + ")");
        if (report.disclosures().isEmpty()) {
            paragraph("Inga uppgifter om dig lämnades ut under perioden.", 2);
        }
        for (DisclosureReport.Disclosure d : report.disclosures()) {
            line(MINUTE.format(d.at()) + "  " + party(d.recipient()), BOLD, BODY, 0, 6);
            if (d.principal() != null) {
                item("För huvudmannen " + party(d.principal()));
            }
            item("Hur: " + describe(INTERFACES, d.interfaceName()) + (d.byNamedWebUser() ? ", av en namngiven handläggare" : ""));
            item("Varför: " + describe(PURPOSES, d.purpose()) + (d.legalBasis() == null ? "" : "; rättsligt stöd: " + d.legalBasis()));
            if (d.consentReference() != null) {
                item("Med ditt samtycke: " + d.consentReference());
            }
            if (d.caseId() != null) {
                item("I ärende: " + d.caseId());
            }
            item("Uppgifter: " + types(d.informationTypes()));
        }

        heading("Bevakningar (" + report.subscriptions().size() + ")");
        if (report.subscriptions().isEmpty()) {
            paragraph("Ingen organisation bevakade uppgifter om dig under perioden.", 2);
        } else {
            paragraph("En bevakning (prenumeration) betyder att organisationen får ett meddelande när uppgifterna ändras. "
                    + "Varje meddelande är också ett utlämnande ovan.", 2);
        }
        for (DisclosureReport.MonitoringSubscription s : report.subscriptions()) {
            line(party(s.subscriber()), BOLD, BODY, 0, 6);
            if (s.principal() != null) {
                item("För huvudmannen " + party(s.principal()));
            }
            item("Beställd " + MINUTE.format(s.orderedAt()) + ", bevakar från " + s.from() + ", "
                    + (s.endedOn() == null ? "pågår" : "upphörde " + s.endedOn() + " (" + endReason(s.endReason()) + ")"));
            item("Varför: " + describe(PURPOSES, s.purpose()) + "; rättsligt stöd: " + s.legalBasis());
            item("Uppgifter: " + types(s.informationTypes()));
            item("Meddelanden under perioden: " + s.notifications());
        }

        heading("Försök som nekades (" + report.refusals().size() + ")");
        if (report.refusals().isEmpty()) {
            paragraph("Inga försök nekades under perioden.", 2);
        }
        for (DisclosureReport.RefusedAttempt r : report.refusals()) {
            line(MINUTE.format(r.at()) + "  " + (r.caller() == null ? "okänd avsändare" : party(r.caller())), BOLD, BODY, 0, 6);
            item("Hur: " + describe(INTERFACES, r.interfaceName()));
            item("Skäl: " + refusal(r.refusalCode()));
        }
        paragraph("Har du frågor om utdraget, kontakta Försäkringskassan. Uppgifterna kommer från tjänstens "
                + "granskningslogg, där varje utlämnande registreras i samma stund som det sker.", 16);
    }

    private byte[] render(DisclosureReport report) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Registerutdrag över utlämnanden");
            info.setAuthor("Försäkringskassan");
            List<PDPage> pages = new ArrayList<>();
            PDPage page = null;
            PDPageContentStream content = null;
            float y = 0;
            for (Line line : lines) {
                float height = line.size * LEADING;
                if (page == null || y - line.spaceBefore - height < MARGIN + 20) {
                    if (content != null) {
                        content.close();
                    }
                    page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    pages.add(page);
                    content = new PDPageContentStream(document, page);
                    y = page.getMediaBox().getHeight() - MARGIN;
                } else {
                    y -= line.spaceBefore;
                }
                y -= height;
                content.beginText();
                content.setFont(line.font, line.size);
                content.newLineAtOffset(MARGIN + line.indent, y);
                content.showText(line.text);
                content.endText();
            }
            if (content != null) {
                content.close();
            }
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
                    footer.beginText();
                    footer.setFont(REGULAR, 8);
                    footer.newLineAtOffset(MARGIN, MARGIN / 2);
                    footer.showText("Registerutdrag över utlämnanden, " + report.from() + " – " + report.to() + ". Sida " + (i + 1)
                            + " av " + pages.size());
                    footer.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the letter could not be written", e);
        }
    }

    private void heading(String text) {
        line(text, BOLD, 12, 0, 16);
    }

    private void item(String text) {
        line(text, REGULAR, BODY, 14, 0);
    }

    private void paragraph(String text, float spaceBefore) {
        line(text, REGULAR, BODY, 0, spaceBefore);
    }

    /** Breaks {@code text} at spaces into lines that fit between the margins; a word too long for a line is cut. */
    private void line(String text, PDFont font, float size, float indent, float spaceBefore) {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
        StringBuilder current = new StringBuilder();
        float before = spaceBefore;
        for (String word : printable(text).split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(candidate, font, size) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(new Line(current.toString(), font, size, indent, before));
                before = 0;
            }
            current.setLength(0);
            String rest = word;
            while (width(rest, font, size) > width) {
                int fits = rest.length() - 1;
                while (fits > 1 && width(rest.substring(0, fits), font, size) > width) {
                    fits--;
                }
                lines.add(new Line(rest.substring(0, fits), font, size, indent, before));
                before = 0;
                rest = rest.substring(fits);
            }
            current.append(rest);
        }
        lines.add(new Line(current.toString(), font, size, indent, before));
    }

    private static float width(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Only what Helvetica's WinAnsi encoding can show: anything else (a name in another script) becomes a
     * question mark rather than failing the letter; control characters become spaces.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(' ');
            } else if (encodable(c)) {
                out.appendCodePoint(c);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** PDFBox refuses to encode a character the font's encoding lacks; asking it is the only sure test. */
    private static boolean encodable(int codePoint) {
        try {
            REGULAR.encode(new String(Character.toChars(codePoint)));
            BOLD.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static String party(DisclosureReport.Party party) {
        String kind = party.kind() == null ? "" : ", " + KINDS.getOrDefault(party.kind(), party.kind());
        return (party.name() == null ? "organisation" : party.name()) + " (org.nr " + party.organisationNumber() + kind + ")";
    }

    private static String types(List<String> codes) {
        return codes.isEmpty() ? "inga" : codes.stream().map(DisclosureLetter::type).collect(Collectors.joining(", "));
    }

    private static String type(String code) {
        try {
            return InformationType.valueOf(code).swedishName().toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static String refusal(String code) {
        try {
            return SwedishMessages.of(RefusalCode.valueOf(code));
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static String endReason(String code) {
        return END_REASONS.containsKey(code) ? END_REASONS.get(code) : refusal(code);
    }

    private static String describe(Map<String, String> names, String code) {
        return code == null ? "okänt" : names.getOrDefault(code, code);
    }

    /** A personnummer as it is printed: YYYYMMDD-NNNN. */
    private static String printed(String personId) {
        return personId.length() == 12 ? personId.substring(0, 8) + "-" + personId.substring(8) : personId;
    }
}
