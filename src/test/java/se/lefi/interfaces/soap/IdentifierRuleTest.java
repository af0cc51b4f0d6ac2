package se.lefi.interfaces.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import se.lefi.domain.access.Identifiers;

/** One field, one rule: the SOAP contract's IdentifierType and the rule every other way in applies are the same. */
class IdentifierRuleTest {
    @Test
    void theContractsIdentifierTypeIsTheRuleOfEveryOtherWayIn() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList types = factory.newDocumentBuilder().parse(Path.of("xsd/core_components/lefi_online_core_1.0.xsd").toFile())
                .getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "simpleType");
        Element identifier = null;
        for (int i = 0; i < types.getLength(); i++) {
            if ("IdentifierType".equals(((Element) types.item(i)).getAttribute("name"))) {
                identifier = (Element) types.item(i);
            }
        }
        assertEquals("1", facet(identifier, "minLength"));
        assertEquals(String.valueOf(Identifiers.MAX_LENGTH), facet(identifier, "maxLength"));
        assertEquals(Identifiers.PATTERN, facet(identifier, "pattern"));
    }

    @Test
    void theRule() {
        assertTrue(Identifiers.isValid("EB-2026/17:a_b.c"));
        assertTrue(Identifiers.isValid("x".repeat(64)));
        assertFalse(Identifiers.isValid("x".repeat(65)));
        assertFalse(Identifiers.isValid("EB 1"));
        assertFalse(Identifiers.isValid("ärende"));
        assertFalse(Identifiers.isValid(""));
    }

    private static String facet(Element type, String name) {
        return ((Element) type.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, name).item(0)).getAttribute("value");
    }
}
