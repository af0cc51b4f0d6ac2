package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A personnummer with a wrong check digit, or no such date: INVALID_PERSON_ID. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvalidPersonIdIT {

    @Test
    void wrongCheckDigit() throws Exception {
        assertRefused("INVALID_PERSON_ID", "insurer", "GetBenefitInformation-invalid-person.xml");
    }

    @Test
    void noSuchDate() throws Exception {
        assertRefused("INVALID_PERSON_ID", "insurer", "GetBenefitInformation-coordination.xml", Map.of("personId", "19810230-9871"));
    }
}
