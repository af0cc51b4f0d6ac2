package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A principal organisation number with a wrong check digit: INVALID_ORGANISATION_NUMBER. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvalidOrganisationNumberIT {

    @Test
    void wrongCheckDigit() throws Exception {
        assertRefused("INVALID_ORGANISATION_NUMBER", "agent", "GetBenefitInformation-social-services-for-principal.xml",
                Map.of("principal", "2120009995"));
    }
}
