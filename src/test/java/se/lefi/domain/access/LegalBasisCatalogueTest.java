package se.lefi.domain.access;

import se.lefi.domain.shared.Purpose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.lefi.domain.party.PartyKind;

class LegalBasisCatalogueTest {

    @Test
    void theShippedCatalogueFollowsDomainRules() throws Exception {
        LegalBasisCatalogue catalogue;
        try (Reader reader = Files.newBufferedReader(Path.of("config/legal-bases.csv"), StandardCharsets.UTF_8)) {
            catalogue = LegalBasisCatalogue.parse(reader);
        }
        assertEquals(ExtraCondition.NONE, catalogue.basisFor(PartyKind.INSURER, Purpose.COORDINATION_OF_COMPENSATION).orElseThrow().condition());
        for (Purpose consentPurpose : new Purpose[] {Purpose.RISK_ASSESSMENT, Purpose.PENSION_FORECAST, Purpose.CLAIM_MANAGEMENT}) {
            assertEquals(ExtraCondition.CONSENT, catalogue.basisFor(PartyKind.INSURER, consentPurpose).orElseThrow().condition());
            assertEquals(ExtraCondition.CONSENT, catalogue.basisFor(PartyKind.INSURANCE_AGENT, consentPurpose).orElseThrow().condition());
        }
        catalogue.basesFor(PartyKind.AUTHORITY).forEach(basis -> assertEquals(ExtraCondition.OPEN_CASE, basis.condition()));
        assertEquals(3, catalogue.basesFor(PartyKind.AUTHORITY).size());
        assertTrue(catalogue.basisFor(PartyKind.AUTHORITY, Purpose.RISK_ASSESSMENT).isEmpty());
        assertTrue(catalogue.basesFor(PartyKind.AGENT).isEmpty(), "an agent asks under its principal's kind");
    }

    @Test
    void citationsMayContainSemicolons() throws Exception {
        LegalBasisCatalogue catalogue = LegalBasisCatalogue.parse(new StringReader(
                "# comment\n\nINSURER|COORDINATION_OF_COMPENSATION|SFB 110 kap. 39 §; 114 kap. 24 §|NONE\n"));
        assertEquals("SFB 110 kap. 39 §; 114 kap. 24 §",
                catalogue.basisFor(PartyKind.INSURER, Purpose.COORDINATION_OF_COMPENSATION).orElseThrow().citation());
    }

    @Test
    void refusesMalformedLinesWithTheirNumber() {
        IllegalArgumentException wrongFields = assertThrows(IllegalArgumentException.class,
                () -> LegalBasisCatalogue.parse(new StringReader("INSURER|RISK_ASSESSMENT|basis\n")));
        assertTrue(wrongFields.getMessage().contains("line 1"));
        IllegalArgumentException unknownPurpose = assertThrows(IllegalArgumentException.class,
                () -> LegalBasisCatalogue.parse(new StringReader("#\nINSURER|GAMBLING|basis|NONE\n")));
        assertTrue(unknownPurpose.getMessage().contains("line 2"));
        assertThrows(IllegalArgumentException.class, () -> LegalBasisCatalogue.parse(new StringReader(
                "INSURER|RISK_ASSESSMENT|a|CONSENT\nINSURER|RISK_ASSESSMENT|b|CONSENT\n")));
    }
}
